// The administration API against the real server, as the admin pages use it: what an
// administrator sees after each action, and the server's refusals as problems they can act on.
#include <catch2/catch.hpp>

#include "admin/AdminTestSupport.h"
#include "admin/FieldErrors.h"
#include "admin/ServiceForm.h"
#include "admin/TermsDraftForm.h"
#include "support/QStringPrinting.h"

using namespace tessera::reviewer;
using namespace tessera::reviewer::test;

TEST_CASE("an administrator creates a service, sees its secret once and finds it in the list", "[admin][server]") {
    AdminAtServer at;
    const ServiceWithSecret created = at.createService("Library loans");

    CHECK_FALSE(created.clientSecret.isEmpty());
    CHECK(created.service.name == "Library loans");
    CHECK(created.service.redirectUris == QStringList{"https://service.example/callback"});
    CHECK_FALSE(created.service.clientId.isEmpty());

    const auto read = require(awaitAdmin<ServiceRecord>([&](auto done) { at.api.readService(created.service.id, nullptr, done); }));
    CHECK(read.name == "Library loans");
    CHECK(read.hasSecret);
    CHECK_FALSE(read.json.contains("clientSecret"));  // the secret is never shown again

    bool listed = false;
    for (const auto& s : at.allServices()) listed = listed || s.id == created.service.id;
    CHECK(listed);
}

TEST_CASE("a bad redirect URI comes back beside the redirect URI field and creates nothing", "[admin][server]") {
    AdminAtServer at;
    const auto before = at.allServices().size();
    QJsonObject fields = AdminAtServer::serviceFields("Plain http service");
    fields["redirectUris"] = QJsonArray{"http://service.example/callback"};

    const auto answer = awaitAdmin<ServiceWithSecret>([&](auto done) { at.api.createService(fields, nullptr, done); });
    REQUIRE(answer);
    REQUIRE_FALSE(answer->ok());
    CHECK(answer->problem().status == 400);

    const FieldErrors errors(answer->problem(), ServiceForm::fields());
    INFO(describeAnswer(answer));
    CHECK(errors.forField("redirectUris").contains("https"));
    CHECK(errors.forField("name").isEmpty());
    CHECK(at.allServices().size() == before);
}

TEST_CASE("every setting a form offers is stored as sent and read back the same", "[admin][server]") {
    AdminAtServer at;
    const auto vocabulary =
        require(awaitAdmin<ServiceVocabulary>([&](auto done) { at.api.serviceVocabulary(nullptr, done); }));
    CHECK(vocabulary.clientTypes.contains("public"));
    CHECK(vocabulary.claims.contains("birthdate"));
    CHECK(vocabulary.consentLanguages.contains("fr"));
    CHECK_FALSE(vocabulary.scopes.contains("tessera:staff"));

    ServiceForm form;
    form.name = "Blue badge";
    form.description = "Apply for a blue badge";
    form.logoUrl = "https://badge.example/logo.png";
    form.redirectUris = "https://badge.example/callback";
    form.postLogoutRedirectUris = "https://badge.example/bye";
    form.backchannelLogoutUri = "https://badge.example/backchannel";
    form.grantTypes = {"authorization_code", "refresh_token", "client_credentials"};
    form.allowedScopes = {"openid", "profile", "email", "offline_access"};
    form.allowedClaims = {"name", "birthdate", "email"};
    form.minLoa = 2;
    form.subjectType = "public";
    form.idTokenAlg = "RS256";
    form.consentText = {{"en", "To check you can have a badge"}, {"gd", "Airson dearbhadh"}};
    form.eventPushUrl = "https://badge.example/events";
    const auto created = require(awaitAdmin<ServiceWithSecret>([&](auto done) { at.api.createService(form.toJson(), nullptr, done); }));
    const auto read = require(awaitAdmin<ServiceRecord>([&](auto done) { at.api.readService(created.service.id, nullptr, done); }));

    ServiceForm back = ServiceForm::from(read);
    back.id.clear();
    back.etag.clear();
    CHECK(back.toJson() == form.toJson());
    // Read again, nothing differs: an untouched form sends no change.
    CHECK(ServiceForm::from(read).toJson(&read).isEmpty());

    SECTION("a public client loses its secret; private_key_jwt without a JWKS URL is refused beside that field") {
        ServiceForm edit = ServiceForm::from(read);
        edit.clientType = "confidential";
        edit.tokenEndpointAuthMethod = "private_key_jwt";
        const auto refused = awaitAdmin<ServiceRecord>(
            [&](auto done) { at.api.updateService(read.id, edit.toJson(&read), read.etag, nullptr, done); });
        REQUIRE(refused);
        REQUIRE_FALSE(refused->ok());
        CHECK_FALSE(FieldErrors(refused->problem(), ServiceForm::fields()).forField("jwksUri").isEmpty());

        edit = ServiceForm::from(read);
        edit.clientType = "public";
        edit.tokenEndpointAuthMethod = ServiceForm::authMethodFor("public", edit.tokenEndpointAuthMethod);
        edit.grantTypes = {"authorization_code", "refresh_token"};
        const auto changed = require(awaitAdmin<ServiceRecord>(
            [&](auto done) { at.api.updateService(read.id, edit.toJson(&read), read.etag, nullptr, done); }));
        CHECK(changed.clientType == "public");
        CHECK(changed.tokenEndpointAuthMethod == "none");
        CHECK_FALSE(changed.hasSecret);
    }
}

TEST_CASE("rotating a secret gives a new one – the old one is gone", "[admin][server]") {
    AdminAtServer at;
    const ServiceWithSecret created = at.createService("Parking permits");
    const auto rotated =
        require(awaitAdmin<ServiceWithSecret>([&](auto done) { at.api.rotateSecret(created.service.id, nullptr, done); }));
    CHECK_FALSE(rotated.clientSecret.isEmpty());
    CHECK(rotated.clientSecret != created.clientSecret);
    CHECK(rotated.service.id == created.service.id);
}

TEST_CASE("an edit is based on the service as read – a stale one is refused and changes nothing", "[admin][server]") {
    AdminAtServer at;
    const ServiceWithSecret created = at.createService("Waste collection");
    const QByteArray firstEtag = created.service.etag;

    const auto renamed = require(awaitAdmin<ServiceRecord>([&](auto done) {
        at.api.updateService(created.service.id, QJsonObject{{"name", "Waste and recycling"}}, firstEtag, nullptr, done);
    }));
    CHECK(renamed.name == "Waste and recycling");
    CHECK(renamed.etag != firstEtag);

    const auto stale = awaitAdmin<ServiceRecord>([&](auto done) {
        at.api.updateService(created.service.id, QJsonObject{{"name", "Lost change"}}, firstEtag, nullptr, done);
    });
    REQUIRE(stale);
    REQUIRE_FALSE(stale->ok());
    CHECK(stale->problem().status == 412);
    const auto read = require(awaitAdmin<ServiceRecord>([&](auto done) { at.api.readService(created.service.id, nullptr, done); }));
    CHECK(read.name == "Waste and recycling");
}

TEST_CASE("a disabled service shows as disabled", "[admin][server]") {
    AdminAtServer at;
    const ServiceWithSecret created = at.createService("Old portal");
    const auto disabled =
        require(awaitAdmin<ServiceRecord>([&](auto done) { at.api.disableService(created.service.id, nullptr, done); }));
    CHECK(disabled.disabled);
}

TEST_CASE("a terms draft is edited, then published to take effect on a chosen date", "[admin][server]") {
    AdminAtServer at;
    const TermsVersion draft = at.createDraft("en", "Terms of service");
    CHECK(draft.isDraft());
    CHECK_FALSE(draft.etag.isEmpty());
    CHECK_FALSE(draft.effectiveAt.isValid());

    const auto edited = require(awaitAdmin<TermsVersion>([&](auto done) {
        at.api.editTermsDraft(draft.id, QJsonObject{{"title", "Terms of service (2027)"}}, draft.etag, nullptr, done);
    }));
    CHECK(edited.title == "Terms of service (2027)");
    CHECK(edited.body.contains("**these**"));

    const QDateTime effective = QDateTime::currentDateTimeUtc().addDays(30);
    const auto published = require(awaitAdmin<TermsVersion>(
        [&](auto done) { at.api.publishTerms(draft.id, effective, edited.etag, nullptr, done); }));
    CHECK(published.status == "scheduled");
    CHECK(std::abs(published.effectiveAt.secsTo(effective)) <= 1);

    const auto list = require(awaitAdmin<TermsVersionPage>([&](auto done) { at.api.listTerms({}, "en", {}, nullptr, done); }));
    bool listed = false;
    for (const auto& v : list.items) listed = listed || (v.id == published.id && v.status == "scheduled");
    CHECK(listed);
}

TEST_CASE("a stale If-Match on a draft gives the reload problem and keeps the other change", "[admin][server]") {
    AdminAtServer at;
    const TermsVersion draft = at.createDraft("fr", "Conditions d'utilisation");
    const auto theirs = require(awaitAdmin<TermsVersion>([&](auto done) {
        at.api.editTermsDraft(draft.id, QJsonObject{{"title", "Their title"}}, draft.etag, nullptr, done);
    }));

    const auto mine = awaitAdmin<TermsVersion>([&](auto done) {
        at.api.editTermsDraft(draft.id, QJsonObject{{"title", "My title"}}, draft.etag, nullptr, done);
    });
    REQUIRE(mine);
    REQUIRE_FALSE(mine->ok());
    CHECK(TermsDraftForm::isStaleEdit(mine->problem()));

    const auto publishStale = awaitAdmin<TermsVersion>(
        [&](auto done) { at.api.publishTerms(draft.id, {}, draft.etag, nullptr, done); });
    REQUIRE(publishStale);
    REQUIRE_FALSE(publishStale->ok());
    CHECK(TermsDraftForm::isStaleEdit(publishStale->problem()));

    const auto read = require(awaitAdmin<TermsVersion>([&](auto done) { at.api.readTerms(draft.id, nullptr, done); }));
    CHECK(read.title == "Their title");
    CHECK(read.isDraft());
    CHECK(read.etag == theirs.etag);
}

TEST_CASE("a draft can be deleted – it is gone afterwards", "[admin][server]") {
    AdminAtServer at;
    const TermsVersion draft = at.createDraft("en", "Scratch");
    const auto deleted = awaitAdmin<AdminApi::Nothing>(
        [&](auto done) { at.api.deleteTermsDraft(draft.id, draft.etag, nullptr, done); });
    INFO(describeAnswer(deleted));
    REQUIRE(deleted);
    CHECK(deleted->ok());
    const auto read = awaitAdmin<TermsVersion>([&](auto done) { at.api.readTerms(draft.id, nullptr, done); });
    REQUIRE(read);
    CHECK(read->problem().status == 404);
}

TEST_CASE("granting then revoking a role shows on the account", "[admin][server]") {
    AdminAtServer at;
    const StaffAccount reviewer = at.findAccount("reviewer@demo.tessera.localhost");
    REQUIRE_FALSE(reviewer.roles.contains("senior_reviewer"));

    const auto granted = require(awaitAdmin<StaffAccount>(
        [&](auto done) { at.api.grantRole(reviewer.id, "senior_reviewer", nullptr, done); }));
    CHECK(granted.roles.contains("senior_reviewer"));

    const auto seniors = require(awaitAdmin<AccountPage>(
        [&](auto done) { at.api.searchAccounts({}, "senior_reviewer", {}, nullptr, done); }));
    bool found = false;
    for (const auto& a : seniors.items) found = found || a.id == reviewer.id;
    CHECK(found);

    const auto revoked = require(awaitAdmin<StaffAccount>(
        [&](auto done) { at.api.revokeRole(reviewer.id, "senior_reviewer", nullptr, done); }));
    CHECK_FALSE(revoked.roles.contains("senior_reviewer"));
    CHECK(revoked.roles.contains("reviewer"));
}

TEST_CASE("revoking the last administrator is refused plainly and changes nothing", "[admin][server]") {
    AdminAtServer at;
    const StaffAccount admin = at.findAccount("admin@demo.tessera.localhost");
    REQUIRE(admin.roles.contains("admin"));

    const auto refused = awaitAdmin<StaffAccount>([&](auto done) { at.api.revokeRole(admin.id, "admin", nullptr, done); });
    INFO(describeAnswer(refused));
    REQUIRE(refused);
    REQUIRE_FALSE(refused->ok());
    CHECK(refused->problem().status >= 400);
    CHECK_FALSE(refused->problem().message().isEmpty());
    CHECK(at.findAccount("admin@demo.tessera.localhost").roles.contains("admin"));
}
