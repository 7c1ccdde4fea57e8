"""What every request goes through before a view reads it (issue #10)."""
