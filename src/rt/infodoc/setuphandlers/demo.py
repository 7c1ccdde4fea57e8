"""Post-install step of the demo profile: content from the activity reports."""

from rt.infodoc.demo.loader import load_demo_content
from rt.infodoc.mail.mailhost import use_catcher
from rt.infodoc.networks.demo import load_networks_demo


def post_install(context):
    load_demo_content()
    load_networks_demo()  # the two networks, their spaces and accounts
    use_catcher()  # the loopback mail catcher of `make run` (scripts/mailcatcher)
