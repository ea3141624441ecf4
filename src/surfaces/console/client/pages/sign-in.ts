import { ApiFailure, api, setCsrfToken } from "../api.ts";
import type { PageContext } from "../app.ts";
import { add, field, h, notice, section } from "../dom.ts";
import { go } from "../router.ts";

interface SignedIn {
  csrfToken: string;
}

/** A form that posts JSON, shows the server's message on failure and goes to the courses on success. */
function signInForm(
  ctx: PageContext,
  label: string,
  fields: HTMLElement[],
  send: () => Promise<SignedIn>,
): HTMLFormElement {
  const message = h("div", { class: "form-message" });
  const button = h("button", { type: "submit", class: "primary" }, label);
  const form = h("form", { class: "stack", novalidate: true }, fields, button, message);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    button.disabled = true;
    message.replaceChildren();
    try {
      const reply = await send();
      setCsrfToken(reply.csrfToken);
      ctx.announce("Signed in.");
      go("#/");
    } catch (error) {
      add(message, notice("error", error instanceof ApiFailure ? error.message : String(error)));
      button.disabled = false;
    }
  });
  return form;
}

const input = (type: string, name: string, autocomplete: string, required = true) =>
  h("input", { type, name, autocomplete, required, spellcheck: "false" });

/** Sign in with email and password; or, the first time, with the admin token. */
export async function signInPage(ctx: PageContext): Promise<void> {
  const email = input("email", "email", "username");
  const password = input("password", "password", "current-password");
  const token = input("password", "token", "off");
  const adminEmail = input("email", "admin-email", "username");
  const adminName = input("text", "admin-name", "name", false);
  const adminPassword = input("password", "admin-password", "new-password");
  add(
    ctx.main,
    h("h1", { tabindex: "-1" }, "Sign in to the console"),
    h(
      "div",
      { class: "columns" },
      section(
        "Staff sign-in",
        signInForm(ctx, "Sign in", [field("Email", email), field("Password", password)], () =>
          api<SignedIn>("POST", "/admin/auth/login", { email: email.value, password: password.value }),
        ),
      ),
      section(
        "First time here?",
        h(
          "p",
          {},
          "Whoever runs the tutor has its admin token (ADMIN_TOKEN). Use it once to create your admin account; ",
          "after that, sign in with your email and password and invite instructors and TAs.",
        ),
        signInForm(
          ctx,
          "Create admin account",
          [
            field("Admin token", token, "The value of ADMIN_TOKEN on the server."),
            field("Your email", adminEmail),
            field("Your name", adminName),
            field("Choose a password", adminPassword, "At least 10 characters."),
          ],
          () =>
            api<SignedIn>("POST", "/admin/auth/bootstrap", {
              token: token.value,
              email: adminEmail.value,
              name: adminName.value,
              password: adminPassword.value,
            }),
        ),
      ),
    ),
  );
}

interface InvitePreview {
  invite: { email: string; role: string; course: string | null; expiresAt: string };
  hasAccount: boolean;
}

const ROLE_WORDS: Record<string, string> = { admin: "an admin", instructor: "an instructor", ta: "a TA" };

/** An invite link: says what it offers, then creates the account (or asks the existing one's password). */
export async function acceptPage(ctx: PageContext, token: string): Promise<void> {
  add(ctx.main, h("h1", { tabindex: "-1" }, "Accept your invitation"));
  let preview: InvitePreview;
  try {
    preview = await api<InvitePreview>("POST", "/admin/auth/invite", { token });
  } catch (error) {
    add(ctx.main, notice("error", error instanceof ApiFailure ? error.message : String(error)));
    return;
  }
  const { invite, hasAccount } = preview;
  const name = input("text", "name", "name", false);
  const password = input("password", "password", hasAccount ? "current-password" : "new-password");
  add(
    ctx.main,
    h(
      "p",
      {},
      `You are invited as ${ROLE_WORDS[invite.role] ?? invite.role}`,
      invite.course ? [" of course ", h("strong", {}, invite.course)] : " of every course",
      ` (${invite.email}).`,
    ),
    signInForm(
      ctx,
      hasAccount ? "Add to my account" : "Create my account",
      hasAccount
        ? [field("Your current password", password, "This email has an account already.")]
        : [field("Your name", name), field("Choose a password", password, "At least 10 characters.")],
      () =>
        api<SignedIn>("POST", "/admin/auth/accept", { token, name: name.value, password: password.value }),
    ),
  );
}
