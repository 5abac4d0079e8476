"""A port's story over time: the trend chart, the series behind it and the one-page PDF report."""
