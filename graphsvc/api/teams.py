"""Teams and the task pools their members pull from (DOMAIN.md 7)."""

from __future__ import annotations

from graphsvc.api.common import actor, graph, page_schema
from graphsvc.api.contract import may_forbid
from graphsvc.api.idempotency import idempotent, with_uid
from graphsvc.api.replay import replayable
from graphsvc.api.resources import register_crud, register_link, resource_blueprint
from graphsvc.schemas import common as common_schemas
from graphsvc.schemas import teams as schemas
from graphsvc.schemas.replay import ExplainArgs
from graphsvc.services import cases

teams = resource_blueprint("teams", "Teams distribute work through task pools.")
register_crud(teams, cases.TEAM, schema_in=common_schemas.NamedIn,
              schema_patch=common_schemas.NamedPatch, schema_out=schemas.Team)
register_link(teams, cases.TEAM_MEMBER, "members", reverse=True)


@teams.route("/<uid>/tasks", methods=["POST"], endpoint="create_tasks")
@idempotent
@teams.arguments(schemas.TasksIn)
@teams.response(201, schemas.Tasks)
def create_tasks(data, uid):
    """Put tasks in a team's pool (a task about a contact names one the actor sees)."""
    tasks = [with_uid(task, f"-{i}") for i, task in enumerate(data["tasks"])]
    return {"items": cases.add_tasks(graph(), actor(), uid, tasks)}


@teams.route("/<uid>/tasks", methods=["GET"], endpoint="tasks")
@teams.arguments(schemas.TaskListArgs, location="query")
@teams.response(200, page_schema(schemas.Task, "TaskPage"))
@may_forbid
def list_tasks(args, uid):
    """The team's pool by status, for its members and admins; a task about a contact the
    acting user does not see is left out."""
    return cases.team_tasks(graph(), actor(), uid, args["status"], args["limit"],
                            args["cursor"])


@teams.route("/<uid>/tasks/pull", methods=["POST"], endpoint="pull")
@teams.arguments(ExplainArgs, location="query", as_kwargs=True)
@teams.response(200, schemas.TaskAnswer)
@teams.alt_response(204, description="the pool holds no open task")
@may_forbid
@replayable
def pull_task(uid):
    """The next open task of the pool, claimed by the acting member."""
    task = cases.pull_task(graph(), actor(), uid)
    return task if task is not None else ("", 204)


BLUEPRINTS = [teams]
