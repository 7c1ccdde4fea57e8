"""Upgrade steps, one dated subpackage per profile version."""
