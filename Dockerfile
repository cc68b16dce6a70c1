# The app's image, for compose.yaml: the web app (gunicorn) and the queue's worker run from it.
FROM python:3.11-slim

# The app runs from /app (its templates and static files sit beside the packages), not installed.
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PYTHONPATH=/app
WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt
COPY gazetteer ./gazetteer
COPY webapp ./webapp
COPY templates ./templates
COPY static ./static
COPY gunicorn.conf.py ./
# /app/instance is the app's instance folder (where the map index keeps its snapshot): the
# user must be able to create it, and compose mounts a volume there so it outlives the container.
RUN useradd --create-home --uid 1000 app && mkdir /data /app/instance && chown app /data /app/instance
USER app
EXPOSE 8000
CMD ["gunicorn", "webapp:create_app()", "-c", "gunicorn.conf.py"]
