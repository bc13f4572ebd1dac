#include "core/accounts/RegistrationService.h"

#include "core/accounts/AccountMail.h"
#include "core/accounts/DecoySession.h"
#include "core/accounts/FieldErrorList.h"
#include "core/accounts/PasswordRules.h"
#include "core/terms/TermsService.h"
#include "infra/Random.h"
#include "tessera/shared/ApiFields.h"
#include "tessera/shared/Email.h"
#include "tessera/shared/PersonName.h"
#include "tessera/shared/ProfileChoices.h"

namespace tessera::core {

namespace {

struct Created {
    NewSession session;
    std::string code;
};

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
    return out;
}

}  // namespace

Result<Registration> RegistrationService::create(const RegistrationForm& form, const std::string& clientAddress,
                                                 const std::string& userAgent) {
    const std::int64_t now = ctx_.clock.now();
    TermsService terms(ctx_);

    FieldErrorList errors;
    auto name = errors.take(validate::personName(form.name));
    auto email = errors.take(validate::email(form.email));
    errors.take(checkNewPassword(ctx_, form.password, email.value_or(form.email), field::kPassword));
    errors.take(validate::language(form.language));
    if (!form.consent)
        errors.add(std::string(field::kConsent), "consent_required",
                   "Agree to us holding the details you entered, or we cannot create your account.");
    {
        Poco::Data::Session s = ctx_.db.session();
        errors.take(terms.check(s, form.acceptTerms, now));
    }
    if (!errors.empty()) return errors.error();

    // Hashed before looking the address up, so a taken address costs the same time to answer.
    const std::string passwordHash = ctx_.passwords.hash(form.password);
    if (auto owner = ctx_.accounts.findByEmail(*email)) return answerTakenEmail(*owner, *email, clientAddress, userAgent);

    Account account;
    account.id = infra::random::id();
    account.email = *email;
    account.name = *name;
    account.language = form.language;
    account.passwordHash = passwordHash;
    account.status = AccountStatus::PendingEmail;
    account.createdAt = account.updatedAt = now;

    auto created = ctx_.db.transaction<Created>([&](Poco::Data::Session& s) -> Result<Created> {
        if (auto inserted = ctx_.accounts.insert(s, account); !inserted) return inserted.error();
        if (auto accepted = terms.accept(s, account.id, form.acceptTerms, now); !accepted) return accepted.error();
        auto code = ctx_.codes.issue(s, account.id, CodePurpose::EmailVerification, account.email);
        if (!code) return code.error();
        auto session = ctx_.sessions.create(s, account.id, SessionStage::PendingEmail, clientAddress, userAgent);
        if (!session) return session.error();
        auto audited = ctx_.audit.append(s, {"account.registered", account.id, account.id, clientAddress,
                                             {{"language", account.language}, {"terms", joined(form.acceptTerms)}}});
        if (!audited) return audited.error();
        return Created{std::move(*session), std::move(*code)};
    });
    if (!created) {
        // Someone registered the same address a moment ago (on PostgreSQL the unique index
        // fires as an exception): answer as for any taken address.
        if (auto owner = ctx_.accounts.findByEmail(*email))
            return answerTakenEmail(*owner, *email, clientAddress, userAgent);
        return created.error();
    }

    // After the commit: a failed send leaves a valid account whose owner can ask to resend.
    (void)sendAccountMail(ctx_, AccountMail::VerificationCode, account.language, account.email,
                          {account.name, created->code, ""});
    return Registration{account.id, account.status, account.email, std::move(created->session)};
}

Result<Registration> RegistrationService::answerTakenEmail(const Account& owner, const std::string& email,
                                                           const std::string& clientAddress,
                                                           const std::string& userAgent) {
    // Recorded for operators watching for address probing; the address itself is not logged.
    (void)ctx_.audit.append({"account.registration_refused", "", owner.id, clientAddress, {{"reason", "email_taken"}}});
    (void)sendAccountMail(ctx_, AccountMail::RegistrationAttempt, owner.language, owner.email, {owner.name, "", ""});
    NewSession decoy = issueDecoySession(ctx_, clientAddress, userAgent);
    Registration answer{decoy.session.accountId, AccountStatus::PendingEmail, email, std::move(decoy)};
    return answer;
}

}  // namespace tessera::core
