"""Post-install step of the demo profile: content from the activity reports."""

from rt.infodoc.demo.loader import load_demo_content


def post_install(context):
    load_demo_content()
