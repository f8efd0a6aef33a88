"""The API's routers, one module per area; :func:`app.api.create_app` includes them all."""
