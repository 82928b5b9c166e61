"""JupyterHub for a class: local users, PAM passwords, nbgrader's exchange. Started by `make hub`.

Settings (environment variables; the defaults suit a trial on one machine):

  COURSE_HUB_ROSTER     JSON roster of local users (default hub/roster.json,
                        see hub/roster.example.json)
  COURSE_HUB_IP         address the hub listens on (default 127.0.0.1; put a
                        TLS proxy in front before opening it to a network)
  COURSE_HUB_PORT       its port (default 8000)
  COURSE_HUB_API_PORT   the hub's internal API port on 127.0.0.1 (default 8081)
  COURSE_HUB_PROXY_API_PORT  the proxy's API port on 127.0.0.1 (default 8001)
  COURSE_HUB_STATE      folder for the hub's database and secrets (default .hub-state/)
  COURSE_EXCHANGE       nbgrader's exchange folder (default /srv/nbgrader/exchange)

The hub runs as root: PAM checks the users' passwords and each user's
server runs as that user (LocalProcessSpawner).
"""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import classroom  # noqa: E402
import shared_python  # noqa: E402

c = get_config()  # noqa: F821  (provided by JupyterHub)

roster = classroom.Roster.load(Path(os.environ.get("COURSE_HUB_ROSTER", classroom.HUB_DIR / "roster.json")))
exchange = classroom.prepare_exchange(Path(os.environ.get("COURSE_EXCHANGE", "/srv/nbgrader/exchange")))
course = classroom.course_id()
state = Path(os.environ.get("COURSE_HUB_STATE", classroom.COURSE_ROOT / ".hub-state")).resolve()
state.mkdir(mode=0o700, parents=True, exist_ok=True)
# The users' servers run as the users: on this venv, or on a view of it they can read.
users_bin = shared_python.users_python(Path(sys.prefix) / "shared").parent

# Network: the public port where asked, everything internal on 127.0.0.1.
c.JupyterHub.bind_url = (f"http://{os.environ.get('COURSE_HUB_IP', '127.0.0.1')}:"
                         f"{os.environ.get('COURSE_HUB_PORT', '8000')}")
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("COURSE_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('COURSE_HUB_PROXY_API_PORT', '8001')}"
c.ConfigurableHTTPProxy.command = [str(Path(sys.prefix) / "node" / "node_modules" / ".bin"
                                       / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.Spawner.ip = "127.0.0.1"

# State of the hub, private to root.
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")

# Who may log in: the roster's local users, with their system passwords.
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.open_sessions = False  # no login sessions (utmp, systemd-logind) for web logins
c.Authenticator.allowed_users = set(roster.instructors) | set(roster.students)
c.Authenticator.admin_users = set(roster.instructors)

# Each user's JupyterLab, as that user, from this course's environment.
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [str(users_bin / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180


def _prepare_server(spawner):
    """Before a user's server starts: the instructor's course copy, and the role's config."""
    name = spawner.user.name
    role = roster.role(name)
    if role == "instructor":
        classroom.prepare_course_dir(name)
    spawner.environment = {**spawner.environment,
                           **classroom.server_environment(name, role, exchange, course, users_bin)}


c.Spawner.pre_spawn_hook = _prepare_server
