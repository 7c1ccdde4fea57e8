"""The public portal's pages: search, notice, basket, feeds and exports (Classic UI)."""
