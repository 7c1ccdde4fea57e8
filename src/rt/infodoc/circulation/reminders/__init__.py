"""Overdue reminders in three levels: who gets which (levels.py, pure), the texts
(texts.py, pure), the registry settings and control panel, the mailing job run by
the scheduler, and the page listing the letters to print."""
