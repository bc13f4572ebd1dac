#include "core/verification/VerificationMail.h"

#include <Poco/Logger.h>

#include <string_view>

#include "core/mail/MailWording.h"

#include "tessera/shared/DecisionReason.h"

namespace tessera::core {

namespace {

using mail::fill;
using mail::greeting;

struct DecisionText {
    bool approved;
    std::string_view language;
    std::string_view subject;
    std::string_view body;  // {greeting} {org} {level} {reason} {message} {link}
};

constexpr DecisionText kTexts[] = {
    {true, "en", "{org}: your identity has been verified",
     "{greeting}\n\nWe have checked the evidence you sent and verified your identity. Your account now has "
     "level of assurance {level}, so you can use the services that ask for it.\n\nSee your account at {link}\n"},
    {true, "fr", "{org} : votre identité a été vérifiée",
     "{greeting}\n\nNous avons examiné les justificatifs envoyés et vérifié votre identité. Votre compte a "
     "maintenant le niveau de garantie {level} : vous pouvez utiliser les services qui le demandent.\n\n"
     "Voir votre compte : {link}\n"},
    {true, "gd", "{org}: chaidh do dhearbh-aithne a dhearbhadh",
     "{greeting}\n\nThug sinn sùil air an fhianais a chuir thu agus dhearbh sinn do dhearbh-aithne. Tha ìre "
     "dearbhaidh {level} aig a’ chunntas agad a-nis, ’s urrainn dhut na seirbheisean a dh’iarras i a "
     "chleachdadh.\n\nFaic an cunntas agad aig {link}\n"},
    {false, "en", "{org}: we could not verify your identity",
     "{greeting}\n\nWe could not verify your identity from the evidence you sent.\n\nReason: {reason}\n\n"
     "{message}\n\nYou can start a new application at {link}\n"},
    {false, "fr", "{org} : nous n’avons pas pu vérifier votre identité",
     "{greeting}\n\nNous n’avons pas pu vérifier votre identité avec les justificatifs envoyés.\n\n"
     "Motif : {reason}\n\n{message}\n\nVous pouvez faire une nouvelle demande sur {link}\n"},
    {false, "gd", "{org}: cha b’ urrainn dhuinn do dhearbh-aithne a dhearbhadh",
     "{greeting}\n\nCha b’ urrainn dhuinn do dhearbh-aithne a dhearbhadh leis an fhianais a chuir thu.\n\n"
     "Adhbhar: {reason}\n\n{message}\n\nFaodaidh tu iarrtas ùr a thòiseachadh aig {link}\n"},
};

const DecisionText& textFor(bool approved, const std::string& language) {
    const DecisionText* english = nullptr;
    for (const auto& t : kTexts) {
        if (t.approved != approved) continue;
        if (t.language == language) return t;
        if (t.language == "en") english = &t;
    }
    return *english;
}

}  // namespace

infra::MailMessage renderDecisionMail(const Context& ctx, const VerificationApplication& a, const Account& account) {
    const bool approved = a.state == ApplicationState::Approved;
    const DecisionText& text = textFor(approved, account.language);
    std::string reason;
    if (auto r = decisionReasonFromString(a.decisionReason)) reason = std::string(describe(*r));
    const std::string name = account.preferredName.empty() ? account.name : account.preferredName;
    auto render = [&](std::string_view templ) {
        std::string out = fill(templ, "greeting", greeting(text.language, name));
        out = fill(out, "org", ctx.settings.organisationName);
        out = fill(out, "level", std::to_string(a.targetLoa));
        out = fill(out, "link", ctx.settings.publicUrl + "/");
        out = fill(out, "reason", reason);
        return fill(out, "message", a.decisionMessage);  // last: the reviewer's text is never expanded
    };
    infra::MailMessage m;
    m.to = account.email;
    m.subject = render(text.subject);
    m.textBody = render(text.body);
    m.headers.emplace_back("X-Tessera-Template", approved ? "verification-approved" : "verification-rejected");
    return m;
}

Status notifyDecision(Context& ctx, const VerificationApplication& a) {
    if (a.state != ApplicationState::Approved && a.state != ApplicationState::Rejected) return {};
    auto account = ctx.accounts.findById(a.accountId);
    if (!account) return Error::notFound("account_not_found", "There is no such account.");
    const infra::MailMessage message = renderDecisionMail(ctx, a, *account);
    Status sent = ctx.mailer.send(message);
    if (!sent)
        Poco::Logger::get("tessera.verification")
            .warning("could not send the " + message.headers.front().second + " mail: " + sent.error().message);
    return sent;
}

}  // namespace tessera::core
