"""The portal's home page: the entrance to the library (search, themes, news)."""
