# The course image: JupyterLab with the pinned environment, learntools_lite and
# the MNIST data, for Docker or Zero to JupyterHub (deploy/z2jh-values.yaml).
#   docker build -t dl-course:0.1.0 .
#   docker run -p 8888:8888 dl-course:0.1.0
# The install steps are scripts/install_env.sh, shared with `make venv` and Binder.
FROM python:3.11-slim-bookworm

# bubblewrap: the sandbox of `python -m learntools_lite.grading autograde`; git:
# nbgrader and JupyterLab's own use; tini: signal handling for the server.
RUN apt-get update \
    && apt-get install -y --no-install-recommends bubblewrap git tini \
    && rm -rf /var/lib/apt/lists/*

# Zero to JupyterHub runs single-user servers as uid 1000 with home /home/jovyan.
ARG NB_USER=jovyan
ARG NB_UID=1000
RUN useradd --create-home --uid ${NB_UID} --shell /bin/bash ${NB_USER}

ENV VIRTUAL_ENV=/opt/course \
    PATH=/opt/course/bin:${PATH} \
    TF_CPP_MIN_LOG_LEVEL=2
COPY requirements.txt constraints.txt pyproject.toml README.md LICENSE /opt/course-src/
COPY scripts/install_env.sh /opt/course-src/scripts/
COPY learntools_lite /opt/course-src/learntools_lite
# No download cache in the image (pip's and uv's).
RUN python -m venv /opt/course \
    && PIP_NO_CACHE_DIR=1 UV_NO_CACHE=1 /opt/course-src/scripts/install_env.sh /opt/course/bin/python \
    && rm -rf /opt/course-src

# Every server of the image sends kernel messages at once (learntools_lite/kernel_websocket.py).
COPY deploy/jupyter_server_config.json /etc/jupyter/jupyter_server_config.json

# The course's notebooks and nbgrader config, as the learner's starting folder.
COPY --chown=${NB_USER}:${NB_USER} exercises /home/${NB_USER}/exercises
COPY --chown=${NB_USER}:${NB_USER} book /home/${NB_USER}/book
COPY --chown=${NB_USER}:${NB_USER} nbgrader_config.py /home/${NB_USER}/

USER ${NB_USER}
WORKDIR /home/${NB_USER}
EXPOSE 8888
ENTRYPOINT ["tini", "--"]
CMD ["jupyter", "lab", "--ip=0.0.0.0", "--port=8888", "--no-browser"]
