"""How the app is served: HAProxy in front of several copies of the app (``serve.py``), and the
server process's memory kept on a plateau as sessions come and go (``memory.py``)."""
