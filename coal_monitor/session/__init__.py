"""The measuring session: everything the dock does, without a widget.

``MeasuringSession`` (measuring.py) owns the port, its open log, the image and its scene, the outline
being measured, the inputs, the estimate and the selected heap; it reports through Qt signals and asks
its questions through the prompts it was given. ``PortLog`` (port_log.py) is its link to the port's
GeoPackage and heaps layer; scenes.py reads an image's scene record from its metadata.
"""
