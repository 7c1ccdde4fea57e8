"""GenericSetup profiles of rt.infodoc (shipped as rt.infodoc.profiles)."""
