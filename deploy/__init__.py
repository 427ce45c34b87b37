"""Deployment files: HAProxy in front of several copies of the app (see serve.py)."""
