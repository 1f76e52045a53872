"""Analytics: each module turns canonical tables and a selection into figures."""
