"""What a reader gets while a backend is down: a French answer at once, never a hang."""
