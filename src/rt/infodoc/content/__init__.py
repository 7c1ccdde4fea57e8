"""Dexterity content types of the fund and of the centre's productions."""
