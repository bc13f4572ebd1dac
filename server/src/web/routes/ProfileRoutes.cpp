// The signed-in citizen's profile (GET/PATCH /api/v1/accounts/me), changing their email
// (POST .../email, then .../email/confirm with the code sent to the new address) and their
// password (POST .../password).
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Object.h>
#include <Poco/NumberParser.h>
#include <Poco/Timestamp.h>

#include "core/accounts/EmailChangeService.h"
#include "core/accounts/PasswordChangeService.h"
#include "core/accounts/ProfileService.h"
#include "tessera/shared/ApiFields.h"
#include "web/Authentication.h"
#include "web/JsonBody.h"
#include "web/Respond.h"
#include "web/Services.h"
#include "web/routes/Routes.h"

namespace tessera::web {

namespace {

const std::string kName(field::kName), kPreferredName(field::kPreferredName), kDateOfBirth(field::kDateOfBirth),
    kSex(field::kSex), kAddress(field::kAddress), kPhone(field::kPhone), kLanguage(field::kLanguage),
    kEmail(field::kEmail), kCode(field::kCode), kCurrentPassword(field::kCurrentPassword),
    kNewPassword(field::kNewPassword), kLine1(field::kLine1), kLine2(field::kLine2), kTown(field::kTown),
    kPostcode(field::kPostcode);
const std::string kVersion = "version";  // the profile's optimistic-concurrency version

std::string isoTime(std::int64_t unixSeconds) {
    return Poco::DateTimeFormatter::format(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(unixSeconds)),
                                           Poco::DateTimeFormat::ISO8601_FORMAT);
}

// Optional profile values that are not set read as null, as a PATCH clears them with null.
Poco::Dynamic::Var orNull(const std::string& value) {
    return value.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(value);
}

Poco::JSON::Object profileJson(const core::Account& a) {
    Poco::JSON::Object o;
    o.set(std::string(field::kId), a.id);
    o.set(kEmail, a.email);
    o.set("emailVerified", a.emailVerified);
    o.set("pendingEmail", orNull(a.pendingEmail));
    o.set(kName, a.name);
    o.set(kPreferredName, orNull(a.preferredName));
    o.set(kDateOfBirth, orNull(a.dateOfBirth));
    o.set(kSex, orNull(a.sex));
    if (a.address.empty()) {
        o.set(kAddress, Poco::Dynamic::Var());
    } else {
        Poco::JSON::Object address;
        address.set(kLine1, a.address.line1);
        address.set(kLine2, orNull(a.address.line2));
        address.set(kTown, a.address.town);
        address.set(kPostcode, a.address.postcode);
        o.set(kAddress, address);
    }
    o.set(kPhone, orNull(a.phone));
    o.set(kLanguage, a.language);
    o.set(std::string(field::kStatus), core::toString(a.status));
    o.set("secondFactor", core::toString(a.secondFactor));
    o.set(std::string(field::kLoa), a.loa);
    o.set(std::string(field::kCreatedAt), isoTime(a.createdAt));
    o.set(std::string(field::kUpdatedAt), isoTime(a.updatedAt));
    o.set(kVersion, a.version);
    return o;
}

void sendProfile(Request& r, const core::Account& account) {
    r.response.set("ETag", "\"" + std::to_string(account.version) + "\"");
    sendJson(r, 200, profileJson(account));
}

// Absent: no change; null: clear (""); text: the new value. A wrong type is recorded.
std::optional<std::string> clearable(JsonBody& body, const std::string& name, std::size_t maxLength) {
    if (!body.has(name)) return std::nullopt;
    if (body.object()->isNull(name)) return std::string();
    return body.optionalString(name, maxLength);
}

// The address object: every line is text or null; no other members.
std::optional<core::Address> addressChange(JsonBody& body) {
    if (!body.has(kAddress)) return std::nullopt;
    if (body.object()->isNull(kAddress)) return core::Address{};
    Poco::JSON::Object::Ptr o = body.optionalObject(kAddress);
    if (!o) return std::nullopt;
    core::Address address;
    const std::pair<const std::string*, std::string*> lines[] = {
        {&kLine1, &address.line1}, {&kLine2, &address.line2}, {&kTown, &address.town}, {&kPostcode, &address.postcode}};
    for (const auto& [key, value] : *o) {
        const std::string path = kAddress + "." + key;
        std::string* target = nullptr;
        for (const auto& [name, slot] : lines)
            if (*name == key) target = slot;
        if (!target) {
            body.addError(path, "unknown_field", "This field is not recognised; remove it.");
        } else if (value.isString()) {
            *target = value.extract<std::string>();
            if (target->size() > 1000) body.addError(path, "too_long", "Must be at most 1000 bytes long.");
        } else if (!value.isEmpty()) {
            body.addError(path, "wrong_type", "Must be a text value.");
        }
    }
    return address;
}

// The version the change is based on: "version" in the body, else an If-Match header ("3").
std::optional<std::int64_t> expectedVersion(Request& r, JsonBody& body) {
    if (body.has(kVersion)) {
        Poco::Dynamic::Var v = body.object()->get(kVersion);
        if (v.isInteger() && !v.isBoolean()) return v.convert<Poco::Int64>();
        body.addError(kVersion, "wrong_type", "Must be the whole-number version from the profile you changed.");
        return std::nullopt;
    }
    auto ifMatch = r.header("If-Match");
    if (!ifMatch) return std::nullopt;
    std::string tag = *ifMatch;
    if (tag.rfind("W/", 0) == 0) tag.erase(0, 2);
    if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"') tag = tag.substr(1, tag.size() - 2);
    Poco::Int64 version = 0;
    if (Poco::NumberParser::tryParse64(tag, version)) return version;
    body.addError("If-Match", "invalid_format", "Send the ETag of the profile you changed, like \"3\".");
    return std::nullopt;
}

void viewProfile(Request& r, Services& services) {
    auto current = requireSignedIn(r, services);
    if (!current) return;
    auto account = core::ProfileService(services).view(current->session.accountId);
    if (!account) return sendProblem(r, account.error());
    sendProfile(r, *account);
}

void updateProfile(Request& r, Services& services) {
    auto current = requireSignedIn(r, services);
    if (!current) return;
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    if (body->has(kEmail))
        body->addError(kEmail, "read_only", "Change your email with POST /api/v1/accounts/me/email.");
    body->rejectUnknown({kName, kPreferredName, kDateOfBirth, kSex, kAddress, kPhone, kLanguage, kVersion, kEmail});
    core::ProfileChanges changes;
    changes.name = clearable(*body, kName, 1000);
    changes.preferredName = clearable(*body, kPreferredName, 1000);
    changes.dateOfBirth = clearable(*body, kDateOfBirth, 64);
    changes.sex = clearable(*body, kSex, 64);
    changes.phone = clearable(*body, kPhone, 64);
    changes.language = clearable(*body, kLanguage, 64);
    changes.address = addressChange(*body);
    changes.expectedVersion = expectedVersion(r, *body);
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());

    auto updated = core::ProfileService(services).update(current->session.accountId, changes, r.clientAddress);
    if (!updated) return sendProblem(r, updated.error());
    sendProfile(r, *updated);
}

void requestEmailChange(Request& r, Services& services) {
    auto current = requireSignedIn(r, services);
    if (!current) return;
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({kEmail});
    const std::string email = body->requiredString(kEmail, 1000);
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());
    auto pending = core::EmailChangeService(services).request(current->session.accountId, email, r.clientAddress);
    if (!pending) return sendProblem(r, pending.error());
    Poco::JSON::Object out;
    out.set("pendingEmail", *pending);
    sendJson(r, 202, out);
}

void confirmEmailChange(Request& r, Services& services) {
    auto current = requireSignedIn(r, services);
    if (!current) return;
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({kCode});
    const std::string code = body->requiredString(kCode, 64);
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());
    auto account = core::EmailChangeService(services).confirm(current->session.accountId, code, r.clientAddress);
    if (!account) return sendProblem(r, account.error());
    sendProfile(r, *account);
}

void changePassword(Request& r, Services& services) {
    auto current = requireSignedIn(r, services);
    if (!current) return;
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({kCurrentPassword, kNewPassword});
    const std::string currentPassword = body->requiredString(kCurrentPassword, 1024);
    const std::string newPassword = body->requiredString(kNewPassword, 1024);
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());
    auto changed = core::PasswordChangeService(services).change(current->session.accountId, current->session.publicId,
                                                                currentPassword, newPassword, r.clientAddress);
    if (!changed) return sendProblem(r, changed.error());
    sendNoContent(r);
}

}  // namespace

void registerProfileRoutes(Router& router, Services& services) {
    router.get("/api/v1/accounts/me", [&services](Request& r) { viewProfile(r, services); });
    router.patch("/api/v1/accounts/me", [&services](Request& r) { updateProfile(r, services); });
    router.post("/api/v1/accounts/me/email", [&services](Request& r) { requestEmailChange(r, services); });
    router.post("/api/v1/accounts/me/email/confirm", [&services](Request& r) { confirmEmailChange(r, services); });
    router.post("/api/v1/accounts/me/password", [&services](Request& r) { changePassword(r, services); });
}

}  // namespace tessera::web
