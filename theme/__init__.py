"""The public portal's theme (shipped as rt.infodoc.theme)."""
