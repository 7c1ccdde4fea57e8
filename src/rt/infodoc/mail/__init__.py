"""Mail of the portal: the local mail catcher, the MailHost settings, sending with a
French answer when the SMTP server fails, the contact form."""
