"""Security headers on every answer of the site (issue #10).

`settings.py` holds the policy (the default Content-Security-Policy and why each
directive is what it is, the registry records an administrator can tune);
`headers.py` puts the headers on each response from ZPublisher's events.
"""
