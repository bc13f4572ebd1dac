#include "core/accounts/AccountMail.h"

#include <Poco/Logger.h>

#include <string_view>

#include "core/mail/MailWording.h"

namespace tessera::core {

namespace {

using mail::fill;
using mail::greeting;

struct MailText {
    AccountMail which;
    std::string_view language;
    std::string_view name;  // the X-Tessera-Template header, for operators and tests
    std::string_view subject;
    std::string_view body;  // {greeting} {org} {code} {minutes} {link}
};

// The code always comes before the link, so it is the first number in the text.
constexpr MailText kTexts[] = {
    {AccountMail::VerificationCode, "en", "email-verification", "{org}: your email verification code",
     "{greeting}\n\nYour code to verify this email address is:\n\n    {code}\n\nIt works once and expires in "
     "{minutes} minutes. If you did not create an account with {org}, you can ignore this email.\n"},
    {AccountMail::VerificationCode, "fr", "email-verification", "{org} : votre code de vérification",
     "{greeting}\n\nVoici votre code pour vérifier cette adresse électronique :\n\n    {code}\n\nIl ne sert "
     "qu’une fois et expire dans {minutes} minutes. Si vous n’avez pas créé de compte {org}, ignorez ce message.\n"},
    {AccountMail::VerificationCode, "gd", "email-verification", "{org}: an còd dearbhaidh agad",
     "{greeting}\n\nSeo an còd airson an seòladh puist-d seo a dhearbhadh:\n\n    {code}\n\nObraichidh e aon "
     "turas a-mhàin agus falbhaidh an ùine air an ceann {minutes} mionaidean. Mura do chruthaich thu cunntas "
     "{org}, leig seachad am post-d seo.\n"},

    {AccountMail::RegistrationAttempt, "en", "registration-attempt",
     "{org}: someone tried to create an account with your email",
     "{greeting}\n\nSomeone just tried to create a new {org} account with this email address, which already has "
     "an account.\n\nIf it was you, you do not need a new account: sign in at {link}, or reset your password if "
     "you have forgotten it.\n\nIf it was not you, you do not need to do anything: no new account was created.\n"},
    {AccountMail::RegistrationAttempt, "fr", "registration-attempt",
     "{org} : tentative de création d’un compte avec votre adresse",
     "{greeting}\n\nQuelqu’un vient d’essayer de créer un nouveau compte {org} avec cette adresse électronique, "
     "qui a déjà un compte.\n\nSi c’était vous, inutile de créer un compte : connectez-vous sur {link}, ou "
     "réinitialisez votre mot de passe si vous l’avez oublié.\n\nSi ce n’était pas vous, vous n’avez rien à "
     "faire : aucun compte n’a été créé.\n"},
    {AccountMail::RegistrationAttempt, "gd", "registration-attempt",
     "{org}: dh’fheuch cuideigin ri cunntas a chruthachadh leis a’ phost-d agad",
     "{greeting}\n\nDh’fheuch cuideigin ri cunntas {org} ùr a chruthachadh leis an t-seòladh puist-d seo, ach "
     "tha cunntas aige mu thràth.\n\nMas e thusa a bh’ ann, chan eil feum agad air cunntas ùr: clàraich a-steach "
     "aig {link}, no ath-shuidhich am facal-faire agad ma dhìochuimhnich thu e.\n\nMur e thusa a bh’ ann, chan "
     "fheum thu dad a dhèanamh: cha deach cunntas ùr a chruthachadh.\n"},

    {AccountMail::EmailChangeCode, "en", "email-change-code", "{org}: confirm your new email address",
     "{greeting}\n\nYour code to confirm this address as the new email of your {org} account is:\n\n    {code}\n\n"
     "It works once and expires in {minutes} minutes. If you did not ask for this, you can ignore this email: "
     "nothing changes without the code.\n"},
    {AccountMail::EmailChangeCode, "fr", "email-change-code", "{org} : confirmez votre nouvelle adresse électronique",
     "{greeting}\n\nVoici votre code pour confirmer cette adresse comme nouvelle adresse de votre compte {org} :"
     "\n\n    {code}\n\nIl ne sert qu’une fois et expire dans {minutes} minutes. Si vous n’êtes pas à l’origine "
     "de cette demande, ignorez ce message : rien ne change sans le code.\n"},
    {AccountMail::EmailChangeCode, "gd", "email-change-code", "{org}: dearbhaich an seòladh puist-d ùr agad",
     "{greeting}\n\nSeo an còd airson an seòladh seo a dhearbhadh mar am post-d ùr aig a’ chunntas {org} agad:"
     "\n\n    {code}\n\nObraichidh e aon turas a-mhàin agus falbhaidh an ùine air an ceann {minutes} mionaidean. "
     "Mura do dh’iarr thu seo, leig seachad am post-d seo: cha atharraich dad às aonais a’ chòd.\n"},

    {AccountMail::EmailChangeRequested, "en", "email-change-requested",
     "{org}: a change of email address was requested",
     "{greeting}\n\nSomeone signed in to your {org} account asked to change its email address. The change "
     "happens only when the code we sent to the new address is entered.\n\nIf this was not you, sign in at "
     "{link}, change your password and sign out of your other sessions.\n"},
    {AccountMail::EmailChangeRequested, "fr", "email-change-requested",
     "{org} : demande de changement d’adresse électronique",
     "{greeting}\n\nUne personne connectée à votre compte {org} a demandé à changer son adresse électronique. Le "
     "changement n’a lieu que lorsque le code envoyé à la nouvelle adresse est saisi.\n\nSi ce n’était pas vous, "
     "connectez-vous sur {link}, changez votre mot de passe et fermez vos autres sessions.\n"},
    {AccountMail::EmailChangeRequested, "gd", "email-change-requested",
     "{org}: chaidh iarraidh gun atharraichear am post-d",
     "{greeting}\n\nDh’iarr cuideigin a bha air a chlàradh a-steach don chunntas {org} agad gun atharraichear an "
     "seòladh puist-d aige. Cha tachair an t-atharrachadh ach nuair a thèid an còd a chuir sinn chun an "
     "t-seòlaidh ùir a chur a-steach.\n\nMur e thusa a bh’ ann, clàraich a-steach aig {link}, atharraich am "
     "facal-faire agad agus clàraich a-mach às na seiseanan eile agad.\n"},

    {AccountMail::EmailChanged, "en", "email-changed", "{org}: your email address was changed",
     "{greeting}\n\nThe email address of your {org} account was changed, and our mail now goes to the new "
     "address. If this was not you, contact us at once through {link}.\n"},
    {AccountMail::EmailChanged, "fr", "email-changed", "{org} : votre adresse électronique a été modifiée",
     "{greeting}\n\nL’adresse électronique de votre compte {org} a été modifiée ; nos messages partent désormais "
     "vers la nouvelle adresse. Si ce n’était pas vous, contactez-nous aussitôt sur {link}.\n"},
    {AccountMail::EmailChanged, "gd", "email-changed", "{org}: chaidh an seòladh puist-d agad atharrachadh",
     "{greeting}\n\nChaidh seòladh puist-d a’ chunntais {org} agad atharrachadh, agus thèid ar post a-nis chun "
     "an t-seòlaidh ùir. Mur e thusa a bh’ ann, cuir fios thugainn sa bhad slighe {link}.\n"},

    {AccountMail::PasswordResetCode, "en", "password-reset", "{org}: reset your password",
     "{greeting}\n\nYour code to reset the password of your {org} account is:\n\n    {code}\n\nIt works once and "
     "expires in {minutes} minutes. Enter it with your new password, or open this page:\n\n{link}\n\nIf you did "
     "not ask to reset your password, you can ignore this email: your password stays as it is.\n"},
    {AccountMail::PasswordResetCode, "fr", "password-reset", "{org} : réinitialisez votre mot de passe",
     "{greeting}\n\nVoici votre code pour réinitialiser le mot de passe de votre compte {org} :\n\n    {code}\n\n"
     "Il ne sert qu’une fois et expire dans {minutes} minutes. Saisissez-le avec votre nouveau mot de passe, ou "
     "ouvrez cette page :\n\n{link}\n\nSi vous n’avez pas demandé à réinitialiser votre mot de passe, ignorez ce "
     "message : il reste inchangé.\n"},
    {AccountMail::PasswordResetCode, "gd", "password-reset", "{org}: ath-shuidhich am facal-faire agad",
     "{greeting}\n\nSeo an còd airson facal-faire a’ chunntais {org} agad ath-shuidheachadh:\n\n    {code}\n\n"
     "Obraichidh e aon turas a-mhàin agus falbhaidh an ùine air an ceann {minutes} mionaidean. Cuir a-steach e "
     "leis an fhacal-fhaire ùr agad, no fosgail an duilleag seo:\n\n{link}\n\nMura do dh’iarr thu am facal-faire "
     "agad ath-shuidheachadh, leig seachad am post-d seo: cha atharraich am facal-faire agad.\n"},

    {AccountMail::PasswordChanged, "en", "password-changed", "{org}: your password was changed",
     "{greeting}\n\nThe password of your {org} account was just changed, and your other sessions were signed "
     "out. If this was not you, reset your password at once at {link}.\n"},
    {AccountMail::PasswordChanged, "fr", "password-changed", "{org} : votre mot de passe a été modifié",
     "{greeting}\n\nLe mot de passe de votre compte {org} vient d’être modifié, et vos autres sessions ont été "
     "fermées. Si ce n’était pas vous, réinitialisez-le immédiatement sur {link}.\n"},
    {AccountMail::PasswordChanged, "gd", "password-changed", "{org}: chaidh am facal-faire agad atharrachadh",
     "{greeting}\n\nChaidh facal-faire a’ chunntais {org} agad atharrachadh an-dràsta, agus chaidh do chlàradh "
     "a-mach às na seiseanan eile agad. Mur e thusa a bh’ ann, ath-shuidhich am facal-faire agad sa bhad aig "
     "{link}.\n"},
};

const MailText& textFor(AccountMail which, const std::string& language) {
    const MailText* english = nullptr;
    for (const auto& t : kTexts) {
        if (t.which != which) continue;
        if (t.language == language) return t;
        if (t.language == "en") english = &t;
    }
    return *english;  // every template has an English text
}

}  // namespace

infra::MailMessage renderAccountMail(const Context& ctx, AccountMail which, const std::string& language,
                                     const std::string& to, const AccountMailValues& values) {
    const MailText& text = textFor(which, language);
    const std::string link = values.link.empty() ? ctx.settings.publicUrl + "/" : values.link;
    auto render = [&](std::string_view templ) {
        std::string out = fill(templ, "greeting", greeting(text.language, values.name));
        out = fill(out, "org", ctx.settings.organisationName);
        out = fill(out, "minutes", std::to_string(CodePolicy{}.lifetimeSeconds / 60));
        out = fill(out, "link", link);
        return fill(out, "code", values.code);  // last: nothing after it is substituted into the code
    };
    infra::MailMessage m;
    m.to = to;
    m.subject = render(text.subject);
    m.textBody = render(text.body);
    m.headers.emplace_back("X-Tessera-Template", std::string(text.name));
    return m;
}

Status sendAccountMail(Context& ctx, AccountMail which, const std::string& language, const std::string& to,
                       const AccountMailValues& values) {
    const infra::MailMessage message = renderAccountMail(ctx, which, language, to, values);
    Status sent = ctx.mailer.send(message);
    if (!sent) {
        Poco::Logger::get("tessera.accounts")
            .warning("could not send the " + message.headers.front().second + " mail: " + sent.error().message);
    }
    return sent;
}

}  // namespace tessera::core
