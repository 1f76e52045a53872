"""The committee's company survey: free-text job titles matched to ROME 4.0 (`matching`), survey exports read and
mapped to the pack table `needs` (`importer`), confirmations and survey profiles kept in the shared store
(`store`)."""
