"""Contacts, directories, groups, areas, messages, access and reports (DOMAIN.md 3 and 4)."""

from __future__ import annotations

from marshmallow import fields, validate

from graphsvc.api.common import PageArgs, actor, admin_only, graph, page_schema
from graphsvc.api.contract import may_forbid
from graphsvc.api.idempotency import idempotent, with_uid
from graphsvc.api.org import users
from graphsvc.api.replay import replayable
from graphsvc.api.resources import register_crud, register_link, resource_blueprint
from graphsvc.schemas import common as common_schemas
from graphsvc.schemas import contacts as schemas
from graphsvc.schemas.common import at_field, uid_field
from graphsvc.schemas.replay import CYPHER, Replayed, explain_field
from graphsvc.services import access, contacts
from graphsvc.services import messages as message_service

ContactPage = page_schema(schemas.Contact, "ContactPage")
MessagePage = page_schema(schemas.Message, "MessagePage")
VisibleContactPage = page_schema(schemas.ContactRef, "VisibleContactPage", base=Replayed)


class VisibleContactArgs(PageArgs):
    q = fields.String(load_default=None, validate=validate.Length(min=1, max=100), metadata={
        "description": "contacts whose name or email starts with this, in any case"})
    category = uid_field(load_default=None, metadata={"description": "customer category uid"})
    home = uid_field(load_default=None, metadata={"description": "home location uid"})
    directory = uid_field(load_default=None, metadata={
        "description": "only contacts stored in this directory"})
    sort = fields.String(load_default="uid", validate=validate.OneOf(access.SORTS), metadata={
        "description": "uid, or name (lowercased, ties by uid); the cursor follows it"})
    at = at_field()
    explain = explain_field(CYPHER)


blp = resource_blueprint("contacts", "Customers, suppliers and colleagues, as the acting "
                                     "user sees them: a contact not seen answers 404.")


@blp.route("", methods=["POST"], endpoint="create")
@blp.arguments(schemas.ContactIn)
@blp.response(201, schemas.Contact)
def create_contact(data):
    """Create a contact in its directories."""
    return contacts.create_contact(graph(), data)


@blp.route("", methods=["GET"], endpoint="list")
@blp.arguments(PageArgs, location="query")
@blp.response(200, ContactPage)
def list_contacts(args):
    """The contacts the acting user sees, by uid."""
    return contacts.list_contacts(graph(), actor(), args["limit"], args["cursor"])


@blp.route("/<uid>", methods=["GET"], endpoint="get")
@blp.response(200, schemas.Contact)
def get_contact(uid):
    """A contact the acting user sees (404 otherwise)."""
    return contacts.get_contact(graph(), actor(), uid)


@blp.route("/<uid>", methods=["PATCH"], endpoint="patch")
@blp.arguments(schemas.ContactPatch)
@blp.response(200, schemas.Contact)
def patch_contact(changes, uid):
    """Change a contact (directories and account-manager groups too)."""
    return contacts.update_contact(graph(), actor(), uid, changes)


@blp.route("/<uid>", methods=["DELETE"], endpoint="delete")
@blp.response(204)
def delete_contact(uid):
    """Delete a contact."""
    contacts.delete_contact(graph(), actor(), uid)


@blp.route("/<uid>/campaign-status/<area>", methods=["PUT"], endpoint="campaign_status")
@blp.arguments(schemas.CampaignStatusIn)
@blp.response(200, schemas.CampaignStatus)
def put_campaign_status(data, uid, area):
    """The contact's campaign status in a service area; the advisor it names is
    informational only."""
    return contacts.set_campaign_status(graph(), actor(), uid, area, data)


@blp.route("/<uid>/messages", methods=["GET"], endpoint="messages")
@blp.arguments(PageArgs, location="query")
@blp.response(200, MessagePage)
def contact_messages(args, uid):
    """Messages about the contact; protected ones with metadata only."""
    return message_service.contact_messages(graph(), actor(), uid, args["limit"], args["cursor"])


directories = resource_blueprint("directories", "Address books; access for users and user "
                                                "groups; visibility mode all or assigned.")
register_crud(directories, contacts.DIRECTORY, schema_in=schemas.DirectoryIn,
              schema_patch=schemas.DirectoryPatch, schema_out=schemas.Directory)
register_link(directories, contacts.DIRECTORY_USER, "users", reverse=True)
register_link(directories, contacts.DIRECTORY_USER_GROUP, "user-groups", reverse=True)
register_link(directories, contacts.STORED_IN, "contacts", reverse=True)

user_groups = resource_blueprint("user-groups", "Named sets of users.")
register_crud(user_groups, contacts.USER_GROUP, schema_in=common_schemas.NamedIn,
              schema_patch=common_schemas.NamedPatch, schema_out=schemas.UserGroup)
register_link(user_groups, contacts.USER_GROUP_MEMBER, "members", reverse=True)

manager_groups = resource_blueprint(
    "account-manager-groups", "Assign customers to the people who look after them.")
register_crud(manager_groups, contacts.MANAGER_GROUP, schema_in=common_schemas.NamedIn,
              schema_patch=common_schemas.NamedPatch, schema_out=schemas.AccountManagerGroup)
register_link(manager_groups, contacts.MANAGER_GROUP_MEMBER, "members", reverse=True)

areas = resource_blueprint("areas", "Project and processing areas with access grants.")
register_crud(areas, contacts.AREA, schema_in=schemas.AreaIn, schema_patch=schemas.AreaPatch,
              schema_out=schemas.Area)
register_link(areas, contacts.AREA_USER, "users", reverse=True)
register_link(areas, contacts.AREA_USER_GROUP, "user-groups", reverse=True)

contact_groups = resource_blueprint(
    "contact-groups", "Profiling and service conditions; membership never grants access.")
register_crud(contact_groups, contacts.CONTACT_GROUP, schema_in=schemas.ContactGroupIn,
              schema_patch=schemas.ContactGroupPatch, schema_out=schemas.ContactGroup,
              create=contacts.create_contact_group, update=contacts.update_contact_group)


@contact_groups.route("/<uid>/contacts", methods=["GET"], endpoint="members")
@contact_groups.arguments(PageArgs, location="query")
@contact_groups.response(200, ContactPage)
def group_members(args, uid):
    """Only the members the acting user sees."""
    return contacts.contact_group_members(graph(), actor(), uid, args["limit"],
                                          args["cursor"])


@contact_groups.route("/<uid>/contacts/<contact>", methods=["PUT"], endpoint="put_member")
@contact_groups.response(204)
@admin_only
def put_group_member(uid, contact):
    """Add a contact to a contact group (grants no access)."""
    contacts.set_group_member(graph(), actor(), uid, contact, True)


@contact_groups.route("/<uid>/contacts/<contact>", methods=["DELETE"],
                      endpoint="delete_member")
@contact_groups.response(204)
@admin_only
def delete_group_member(uid, contact):
    """Remove a contact from a contact group."""
    contacts.set_group_member(graph(), actor(), uid, contact, False)


messages = resource_blueprint("messages", "Notes, mails and ticket messages about contacts.")


@messages.route("", methods=["POST"], endpoint="create")
@idempotent
@messages.arguments(schemas.MessageIn)
@messages.response(201, schemas.Message)
def create_message(data):
    """Post a protected message about a contact or a case."""
    return message_service.create_message(graph(), actor(), with_uid(data))


@messages.route("/<uid>", methods=["GET"], endpoint="get")
@messages.response(200, schemas.Message)
def get_message(uid):
    """404 when the contact is not seen; subject and body null when protected."""
    return message_service.get_message(graph(), actor(), uid)


access_blp = resource_blueprint("access", "May this user see this contact, and why.")


@access_blp.route("/contacts/<uid>", methods=["GET"], endpoint="contact")
@access_blp.arguments(schemas.AccessArgs, location="query")
@access_blp.response(200, schemas.AccessAnswer)
@may_forbid
@replayable
def contact_access(args, uid):
    """May this user see this contact, and why (or why not)."""
    current = actor()
    return access.check(graph(), current, args["user"] or current.uid, uid, args["at"])


@users.route("/<uid>/visible-contacts", methods=["GET"], endpoint="visible_contacts")
@users.arguments(VisibleContactArgs, location="query")
@users.response(200, VisibleContactPage)
@may_forbid
@replayable
def visible_contacts(args, uid):
    """Every contact the user sees, or a search of them: q (name or email prefix, any case),
    category, home, directory; sort uid or name (keyset pages on the sort key)."""
    filters = {name: args[name] for name in access.FILTERS}
    if args["sort"] == "uid" and not any(filters.values()):
        return access.visible_contacts(graph(), actor(), uid, args["limit"], args["cursor"],
                                       args["at"])
    return access.search_visible(graph(), actor(), uid, filters, args["sort"], args["limit"],
                                 args["cursor"], args["at"])


BLUEPRINTS = [blp, directories, user_groups, manager_groups, areas, contact_groups, messages,
              access_blp]
