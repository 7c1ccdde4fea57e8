"""Install, uninstall and demo-content handlers of the GenericSetup profiles."""
