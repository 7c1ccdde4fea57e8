"""The centre's own productions as readers see them: designed pages, the fiches'
numbering and printable PDF, press items read from a URL, the watch blog."""
