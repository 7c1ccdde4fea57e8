"""Mon compte: a member sees their loans and reservations, renews and reserves
online, from the page @@mon-compte and from the Notice page (a viewlet)."""
