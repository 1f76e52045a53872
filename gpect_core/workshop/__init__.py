"""Committee workshops: saved views, scripts of views (« déroulés »), live dot-votes, in the plan's shared store."""
