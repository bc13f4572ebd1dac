#include "core/verification/IdentityChecks.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cstdio>
#include <functional>
#include <sstream>

#include "core/assurance/EvidenceExpiry.h"
#include "core/registers/KnownFactChecker.h"
#include "core/verification/AccountLock.h"
#include "infra/Random.h"
#include "tessera/shared/ApiFields.h"
#include "tessera/shared/CalendarDate.h"
#include "tessera/shared/DecisionReason.h"

namespace tessera::core {

namespace {

constexpr std::int64_t kWindowSeconds = 24 * 60 * 60;

// What a register said, whichever register it was.
struct RegisterAnswer {
    MatchOutcome outcome = MatchOutcome::NoMatch;
    std::vector<FieldResult> fields;
    std::string reference;  // the person reference (vital records) or the UPRN (addresses)
};

std::string utcMinute(std::int64_t seconds) {
    const CalendarDate day = dateFromUnixSeconds(seconds);
    const std::int64_t inDay = ((seconds % kWindowSeconds) + kWindowSeconds) % kWindowSeconds;
    char time[8];
    std::snprintf(time, sizeof time, "%02d:%02d", int(inDay / 3600), int(inDay / 60 % 60));
    return toIsoString(day) + " " + time + " UTC";
}

std::string evidenceDetails(const std::vector<FieldResult>& fields, const std::string& personRef = {}) {
    Poco::JSON::Object o;
    if (!personRef.empty()) o.set("personRef", personRef);  // sealed at rest; needed for known facts
    Poco::JSON::Array list;
    for (const auto& f : fields) list.add(f.field);
    o.set("matchedFields", list);
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

std::string duplicateClaims(const VitalRecordClaim& claim, const std::string& linkedAccountId) {
    Poco::JSON::Object o;
    o.set("givenNames", claim.givenNames);
    o.set("familyName", claim.familyName);
    o.set("dateOfBirth", toIsoString(claim.dateOfBirth));
    o.set("sex", std::string(toString(claim.sex)));
    // Which account already holds the person, so the senior reviewer can compare both.
    o.set("linkedAccountId", linkedAccountId);
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

Error matchRequired() {
    return Error::conflict("identity_match_required",
                           "Confirm your name, date of birth and sex first; then we can check this.");
}

}  // namespace

struct IdentityChecks::Attempt {
    std::function<Result<RegisterAnswer>()> ask;
    // Runs in the transaction when the register matched; true when the match is a duplicate
    // person (then nothing was linked and the check is recorded as such).
    std::function<Result<bool>(Poco::Data::Session&, const RegisterAnswer&)> onMatched;
};

IdentityChecks::IdentityChecks(Context& ctx, RegisterSet& registers, const AssurancePolicy& policy)
    : ctx_(ctx), registers_(registers), assurance_(ctx, policy), applications_(ctx.db, ctx.dataKey),
      checks_(ctx.db) {}

int IdentityChecks::attemptsLeft(const std::string& accountId, CheckKind kind) {
    Poco::Data::Session s = ctx_.db.session();
    const auto counted = checks_.countedSince(s, accountId, kind, ctx_.clock.now() - kWindowSeconds);
    return std::max(0, ctx_.settings.matchAttemptsPerDay - int(counted.size()));
}

Status IdentityChecks::ensureAttemptsLeft(Poco::Data::Session& s, const std::string& accountId, CheckKind kind) {
    const auto counted = checks_.countedSince(s, accountId, kind, ctx_.clock.now() - kWindowSeconds);
    if (int(counted.size()) < ctx_.settings.matchAttemptsPerDay) return {};
    // The oldest counted attempt leaves the window first.
    const std::int64_t retryAt = counted.front() + kWindowSeconds;
    return Error::tooMany("match_attempts_exhausted",
                          "You have used all " + std::to_string(ctx_.settings.matchAttemptsPerDay) +
                              " attempts for today. You can try again after " + utcMinute(retryAt) + ".");
}

std::optional<std::string> IdentityChecks::matchedPerson(const std::string& accountId) {
    for (const auto& e : assurance_.activeEvidence(accountId)) {
        if (e.kind != EvidenceKind::VitalRecord) continue;
        try {
            auto o = Poco::JSON::Parser().parse(e.details).extract<Poco::JSON::Object::Ptr>();
            auto ref = o->optValue<std::string>("personRef", "");
            if (!ref.empty()) return ref;
        } catch (const Poco::Exception&) {
        }
    }
    return std::nullopt;
}

Result<CheckOutcome> IdentityChecks::run(const Actor& citizen, CheckKind kind, Attempt& attempt) {
    {
        Poco::Data::Session s = ctx_.db.session();
        if (Status st = ensureAttemptsLeft(s, citizen.accountId, kind); !st) return st.error();
    }
    auto answer = attempt.ask();
    if (!answer) {
        if (answer.error().kind != ErrorKind::Unavailable) return answer.error();  // bad input: not an attempt
        (void)ctx_.db.transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
            if (Status st = checks_.record(s, citizen.accountId, kind, "unavailable", {}, ctx_.clock.now()); !st)
                return st.error();
            AuditEvent audit{"verification.register_check", citizen.accountId, citizen.accountId,
                             citizen.clientAddress, {{"kind", std::string(toString(kind))}, {"outcome", "unavailable"}}};
            if (Status st = ctx_.audit.append(s, audit); !st) return st.error();
            return true;
        });
        return answer.error();
    }

    struct Done {
        CheckOutcome outcome;
        bool duplicate = false;
    };
    auto done = ctx_.db.transaction<Done>([&](Poco::Data::Session& s) -> Result<Done> {
        if (Status st = lockAccount(ctx_.db, s, citizen.accountId); !st) return st.error();
        // Counted again under the lock: two checks racing cannot both take the last attempt.
        if (Status st = ensureAttemptsLeft(s, citizen.accountId, kind); !st) return st.error();
        Done d;
        d.outcome.outcome = answer->outcome;
        d.outcome.fields = answer->fields;
        if (answer->outcome == MatchOutcome::Matched) {
            auto dup = attempt.onMatched(s, *answer);
            if (!dup) return dup.error();
            d.duplicate = *dup;
        }
        const std::int64_t now = ctx_.clock.now();
        const std::string outcome = d.duplicate ? "duplicate" : std::string(toString(answer->outcome));
        if (Status st = checks_.record(s, citizen.accountId, kind, outcome, answer->fields, now); !st)
            return st.error();
        const auto counted = checks_.countedSince(s, citizen.accountId, kind, now - kWindowSeconds);
        d.outcome.attemptsLeft = std::max(0, ctx_.settings.matchAttemptsPerDay - int(counted.size()));
        if (answer->outcome == MatchOutcome::NeedsFallback)
            d.outcome.fallbackQuestions = {std::string(field::kPlaceOfBirth), std::string(field::kMothersMaidenName)};
        auto account = ctx_.accounts.findById(s, citizen.accountId);
        d.outcome.loa = loaFromInt(account ? account->loa : 0).value_or(Loa::Loa0);
        AuditEvent audit{"verification.register_check", citizen.accountId, citizen.accountId, citizen.clientAddress,
                         {{"kind", std::string(toString(kind))},
                          {"outcome", outcome},
                          {"attemptsLeft", std::to_string(d.outcome.attemptsLeft)}}};
        if (Status st = ctx_.audit.append(s, audit); !st) return st.error();
        return d;
    });
    if (!done) return done.error();
    if (done->duplicate)
        return Error::conflict("possible_duplicate",
                               "We need to check your details before we can confirm your identity. We will be in "
                               "touch by email; you do not need to do anything now.");
    return done->outcome;
}

Result<CheckOutcome> IdentityChecks::matchIdentity(const Actor& citizen, const VitalRecordClaim& claim) {
    if (matchedPerson(citizen.accountId))
        return Error::conflict("identity_already_matched", "Your name and date of birth are already confirmed.");
    Attempt attempt;
    attempt.ask = [&]() -> Result<RegisterAnswer> {
        auto m = VitalRecordMatcher(registers_.vitalRecords(), registers_.nameVariants()).match(claim);
        if (!m) return m.error();
        return RegisterAnswer{m->outcome, m->fields, m->personRef};
    };
    attempt.onMatched = [&](Poco::Data::Session& s, const RegisterAnswer& a) -> Result<bool> {
        const std::int64_t now = ctx_.clock.now();
        auto owner = assurance_.personLinks().accountFor(s, a.reference);
        if (owner && *owner != citizen.accountId) {
            // Another account holds this person: open (once) a flagged case for a senior reviewer.
            auto open = applications_.openFor(s, citizen.accountId);
            if (open && open->bundle == EvidenceBundle::DuplicatePerson) return true;
            VerificationApplication app;
            app.id = infra::random::id();
            app.accountId = citizen.accountId;
            app.bundle = EvidenceBundle::DuplicatePerson;
            app.targetLoa = 1;
            app.state = ApplicationState::Flagged;
            app.claims = duplicateClaims(claim, *owner);
            app.flaggedBy = "system";
            app.flagReason = std::string(toString(DecisionReason::DuplicatePerson));
            app.decisionReason = app.flagReason;
            app.createdAt = app.submittedAt = app.updatedAt = now;
            if (Status st = applications_.insert(s, app); !st) return st.error();
            CaseEvent e;
            e.applicationId = app.id;
            e.at = now;
            e.actor = "system";
            e.event = "flagged";
            e.toState = std::string(toString(ApplicationState::Flagged));
            e.reason = app.flagReason;
            if (Status st = applications_.appendEvent(s, e); !st) return st.error();
            AuditEvent audit{"verification.duplicate_person", "system", citizen.accountId, citizen.clientAddress,
                             {{"application", app.id}}};
            if (Status st = ctx_.audit.append(s, audit); !st) return st.error();
            return true;
        }
        if (Status st = assurance_.personLinks().link(s, citizen.accountId, a.reference, now); !st) return st.error();
        Evidence e;
        e.accountId = citizen.accountId;
        e.kind = EvidenceKind::VitalRecord;
        e.reference = assurance_.personLinks().keyFor(a.reference);  // never the reference in clear
        e.details = evidenceDetails(a.fields, a.reference);
        e.verifiedAt = now;
        e.expiresAt = registerEvidenceExpiry(ctx_.settings, now);
        auto changed = assurance_.addEvidence(s, e, citizen.accountId);
        if (!changed) return changed.error();
        return false;
    };
    return run(citizen, CheckKind::VitalRecord, attempt);
}

Result<CheckOutcome> IdentityChecks::matchAddress(const Actor& citizen, const AddressClaim& claim) {
    if (!matchedPerson(citizen.accountId)) return matchRequired();
    Attempt attempt;
    attempt.ask = [&]() -> Result<RegisterAnswer> {
        auto m = AddressMatcher(registers_.addresses()).match(claim);
        if (!m) return m.error();
        return RegisterAnswer{m->outcome, m->fields, m->uprn};
    };
    attempt.onMatched = [&](Poco::Data::Session& s, const RegisterAnswer& a) -> Result<bool> {
        const std::int64_t now = ctx_.clock.now();
        // A new address (the citizen moved) replaces the old one.
        for (const auto& old : assurance_.evidence().activeFor(s, citizen.accountId, now))
            if (old.kind == EvidenceKind::Address) (void)assurance_.evidence().revoke(s, old.id, now, "replaced");
        Evidence e;
        e.accountId = citizen.accountId;
        e.kind = EvidenceKind::Address;
        e.reference = a.reference;  // the UPRN
        e.details = evidenceDetails(a.fields);
        e.verifiedAt = now;
        e.expiresAt = registerEvidenceExpiry(ctx_.settings, now);
        auto changed = assurance_.addEvidence(s, e, citizen.accountId);
        if (!changed) return changed.error();
        return false;
    };
    return run(citizen, CheckKind::Address, attempt);
}

Result<CheckOutcome> IdentityChecks::checkKnownFact(const Actor& citizen, const std::string& factType,
                                                    const std::string& reference) {
    auto person = matchedPerson(citizen.accountId);
    if (!person) return matchRequired();
    Attempt attempt;
    attempt.ask = [&]() -> Result<RegisterAnswer> {
        auto m = KnownFactChecker(registers_.knownFacts()).check({factType, reference, *person});
        if (!m) return m.error();
        return RegisterAnswer{m->outcome, m->fields, {}};
    };
    attempt.onMatched = [&](Poco::Data::Session& s, const RegisterAnswer& a) -> Result<bool> {
        const std::int64_t now = ctx_.clock.now();
        Evidence e;
        e.accountId = citizen.accountId;
        e.kind = EvidenceKind::KnownFact;
        e.reference = factType;  // the kind of fact, not its value
        e.details = evidenceDetails(a.fields);
        e.verifiedAt = now;
        e.expiresAt = registerEvidenceExpiry(ctx_.settings, now);
        auto changed = assurance_.addEvidence(s, e, citizen.accountId);
        if (!changed) return changed.error();
        return false;
    };
    return run(citizen, CheckKind::KnownFact, attempt);
}

}  // namespace tessera::core
