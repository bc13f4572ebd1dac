#include "core/auth/CodeMail.h"

namespace tessera::core {

namespace {

struct Wording {
    std::string subject;
    std::string purpose;  // completes "Use this code to ..."
};

Wording wordingFor(const std::string& organisation, CodePurpose purpose) {
    if (purpose == CodePurpose::SignInEmail)
        return {"Your " + organisation + " sign-in code", "finish signing in to " + organisation};
    return {"Confirm email codes for " + organisation,
            "confirm that " + organisation + " should send your sign-in codes to this address"};
}

}  // namespace

infra::MailMessage codeMail(const infra::Settings& settings, const Account& to, CodePurpose purpose,
                            const std::string& code, std::int64_t lifetimeMinutes) {
    const Wording w = wordingFor(settings.organisationName, purpose);
    infra::MailMessage m;
    m.to = to.email;
    m.subject = w.subject;
    m.textBody = "Hello " + (to.preferredName.empty() ? to.name : to.preferredName) + ",\n\n" +
                 "Use this code to " + w.purpose + ":\n\n    " + code + "\n\n" + "The code works once, for " +
                 std::to_string(lifetimeMinutes) + " minutes.\n\n" +
                 "If you did not ask for it, someone may know your password: change it and do not share this "
                 "code with anyone.\n\n" +
                 settings.organisationName + "\n";
    m.headers.push_back({"X-Tessera-Template", "code-" + toString(purpose)});
    return m;
}

}  // namespace tessera::core
