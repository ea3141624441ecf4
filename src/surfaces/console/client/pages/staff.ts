import { ApiFailure, api } from "../api.ts";
import type { PageContext } from "../app.ts";
import { add, field, fill, h, notice, section, table } from "../dom.ts";
import { when } from "../format.ts";
import type { CourseListing, StaffInvite, StaffMember, StaffUser } from "../types.ts";

const ROLE_NAMES: Record<string, string> = { admin: "Admin", instructor: "Instructor", ta: "TA" };

/** The link an invite made, shown once with a button that copies it. */
function createdLink(ctx: PageContext, url: string, invite: StaffInvite): HTMLElement[] {
  const link = h("input", {
    type: "text",
    readonly: true,
    value: url,
    class: "mono invite-link",
    "aria-label": "Invite link",
  });
  const copy = h("button", { type: "button" }, "Copy");
  copy.addEventListener("click", () => {
    link.select();
    void navigator.clipboard?.writeText(url);
    ctx.announce("Link copied.");
  });
  return [
    notice("ok", `Send this link to ${invite.email}. It works once, until ${when(invite.expiresAt)}:`),
    h("div", { class: "row" }, link, copy),
  ];
}

/**
 * An invite form: the link it creates is shown once, to copy into an email (the server keeps only
 * its hash). With `courses` the inviter picks the course; with a string the course is fixed.
 */
function inviteForm(
  ctx: PageContext,
  courses: string[] | string,
  roles: string[],
  done: () => void,
): HTMLElement {
  const fixed = typeof courses === "string" ? courses : undefined;
  const email = h("input", { type: "email", required: true, autocomplete: "off" });
  const role = h(
    "select",
    {},
    roles.map((r) => h("option", { value: r }, ROLE_NAMES[r] ?? r)),
  );
  const course = h(
    "select",
    {},
    (fixed ? [] : (courses as string[])).map((c) => h("option", { value: c }, c)),
  );
  const result = h("div", { class: "form-message" });
  const form = h(
    "form",
    { class: "inline-form" },
    field("Email", email),
    field(
      "Role",
      role,
      "Instructors can change everything in their courses; TAs read insights and answer questions.",
    ),
    fixed ? null : field("Course", course, "Not needed for an admin, who sees every course."),
    h("button", { type: "submit", class: "primary" }, "Create invite link"),
    result,
  );
  const syncCourse = () => {
    course.disabled = role.value === "admin";
  };
  role.addEventListener("change", syncCourse);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    result.replaceChildren();
    try {
      const reply = await api<{ link: string; invite: StaffInvite }>("POST", "/admin/invites", {
        email: email.value.trim(),
        role: role.value,
        ...(role.value === "admin" ? {} : { course: fixed ?? course.value }),
      });
      fill(result, ...createdLink(ctx, reply.link, reply.invite));
      email.value = "";
      done();
    } catch (error) {
      fill(result, notice("error", error instanceof ApiFailure ? error.message : String(error)));
    }
  });
  return form;
}

function invitesTable(ctx: PageContext, invites: StaffInvite[], reload: () => void): HTMLElement {
  return table(
    "Open invites",
    ["Email", "Role", "Course", "Expires", ""],
    invites.map((invite) => [
      invite.email,
      ROLE_NAMES[invite.role] ?? invite.role,
      invite.course ?? "every course",
      when(invite.expiresAt),
      h(
        "button",
        {
          type: "button",
          class: "link",
          "aria-label": `Revoke the invite of ${invite.email}`,
          onclick: async () => {
            await api("DELETE", `/admin/invites/${invite.id}`);
            ctx.announce("Invite revoked.");
            reload();
          },
        },
        "Revoke",
      ),
    ]),
  );
}

/** A course's staff: who is on it, open invites, and inviting instructors and TAs. */
export async function courseStaffPage(ctx: PageContext): Promise<void> {
  const course = ctx.course!.id;
  const area = h("div");
  const reload = async () => {
    const [{ staff }, { invites }] = await Promise.all([
      api<{ staff: StaffMember[] }>("GET", `/admin/courses/${encodeURIComponent(course)}/staff`),
      api<{ invites: StaffInvite[] }>("GET", `/admin/invites?course=${encodeURIComponent(course)}`),
    ]);
    fill(
      area,
      table(
        "Staff of this course",
        ["Name", "Email", "Role", "Last sign-in", ""],
        staff.map((member) => [
          member.name || "–",
          member.email,
          ROLE_NAMES[member.role] ?? member.role,
          when(member.lastLoginAt),
          h(
            "button",
            {
              type: "button",
              class: "link",
              "aria-label": `Remove ${member.email} from the course`,
              onclick: async () => {
                await api("DELETE", `/admin/courses/${encodeURIComponent(course)}/staff/${member.id}`);
                ctx.announce("Removed.");
                void reload();
              },
            },
            "Remove",
          ),
        ]),
      ),
      invitesTable(ctx, invites, () => void reload()),
    );
  };
  add(
    ctx.main,
    section(
      "Invite staff",
      inviteForm(ctx, course, ["ta", "instructor"], () => void reload()),
    ),
    section("Staff", area),
  );
  await reload();
}

/** People across courses: every account (admins) and invites to any course the viewer manages. */
export async function peoplePage(ctx: PageContext): Promise<void> {
  const { courses } = await api<{ courses: CourseListing[] }>("GET", "/admin/courses");
  const manageable = courses.filter((c) => c.role === "admin" || c.role === "instructor").map((c) => c.id);
  const admin = ctx.session.user.admin;
  const area = h("div");
  const reload = async () => {
    const { invites } = await api<{ invites: StaffInvite[] }>("GET", "/admin/invites");
    const users = admin ? (await api<{ users: StaffUser[] }>("GET", "/admin/users")).users : [];
    fill(
      area,
      invitesTable(ctx, invites, () => void reload()),
      admin
        ? table(
            "Accounts",
            ["Name", "Email", "Admin", "Last sign-in"],
            users.map((u) => [u.name || "–", u.email, u.isAdmin ? "yes" : "no", when(u.lastLoginAt)]),
          )
        : null,
    );
  };
  add(
    ctx.main,
    h("h1", { tabindex: "-1" }, "People"),
    manageable.length === 0 && !admin
      ? notice("info", "Only admins and instructors invite people.")
      : section(
          "Invite someone",
          inviteForm(
            ctx,
            manageable,
            admin ? ["ta", "instructor", "admin"] : ["ta", "instructor"],
            () => void reload(),
          ),
        ),
    section("Invites and accounts", area),
  );
  await reload();
}
