"""The map: municipality boundaries loaded from a file or URL, drawn as an SVG by the server."""
