// The admin pages' models and form checks, without a server.
#include <catch2/catch.hpp>

#include <QJsonArray>

#include "admin/AccountsModel.h"
#include "admin/FieldErrors.h"
#include "admin/ServiceForm.h"
#include "admin/ServicesModel.h"
#include "admin/TermsDraftForm.h"
#include "admin/TermsVersionsModel.h"
#include "support/QStringPrinting.h"

using namespace tessera::reviewer;

namespace {

ServiceRecord service(const QString& id, const QString& name, bool disabled = false) {
    ServiceRecord s;
    s.id = id;
    s.name = name;
    s.clientId = "client-" + id;
    s.redirectUris = {"https://a.example/cb", "https://b.example/cb"};
    s.disabled = disabled;
    return s;
}

TermsVersion version(const QString& language, qint64 number, const QString& status) {
    TermsVersion v;
    v.id = language + QString::number(number);
    v.kind = "terms_of_service";
    v.language = language;
    v.version = number;
    v.status = status;
    if (status != "draft") v.effectiveAt = QDateTime(QDate(2027, 1, 15), QTime(9, 30), Qt::UTC);
    return v;
}

Problem validationProblem(const QList<ProblemField>& fields) {
    Problem p;
    p.status = 400;
    p.code = "validation_failed";
    p.detail = "Some fields need to be corrected.";
    p.fieldErrors = fields;
    return p;
}

}  // namespace

TEST_CASE("the services table shows each service's name, client id, redirect URIs and state", "[admin]") {
    ServicesModel model;
    model.setServices({service("1", "Library"), service("2", "Old portal", true)});
    REQUIRE(model.rowCount() == 2);
    CHECK(model.data(model.index(0, ServicesModel::Name)).toString() == "Library");
    CHECK(model.data(model.index(0, ServicesModel::ClientId)).toString() == "client-1");
    CHECK(model.data(model.index(0, ServicesModel::RedirectUris)).toString() == "https://a.example/cb, https://b.example/cb");
    CHECK(model.data(model.index(0, ServicesModel::State)).toString() == "Active");
    CHECK(model.data(model.index(1, ServicesModel::State)).toString() == "Disabled");

    SECTION("a changed service replaces its row, a new one is added") {
        model.upsert(service("2", "Renamed portal"));
        model.upsert(service("3", "Parking"));
        CHECK(model.rowCount() == 3);
        CHECK(model.data(model.index(1, ServicesModel::Name)).toString() == "Renamed portal");
        CHECK(model.rowOf("3") == 2);
    }
}

TEST_CASE("the terms list shows one language at a time, drafts first, with the effective date", "[admin]") {
    TermsVersionsModel model;
    model.setVersions({version("en", 1, "superseded"), version("en", 2, "in_force"), version("fr", 2, "in_force"),
                       version("en", 3, "draft")});
    CHECK(model.languages() == QStringList{"en", "fr"});
    CHECK(model.rowCount() == 4);

    model.setLanguage("en");
    REQUIRE(model.rowCount() == 3);
    CHECK(model.versionAt(0)->isDraft());
    CHECK(model.data(model.index(0, TermsVersionsModel::EffectiveAt)).toString() == "Not published");
    CHECK(model.data(model.index(1, TermsVersionsModel::Status)).toString() == "In force");
    CHECK(model.data(model.index(1, TermsVersionsModel::Version)).toInt() == 2);
    CHECK_FALSE(model.data(model.index(1, TermsVersionsModel::EffectiveAt)).toString().isEmpty());
    CHECK(model.data(model.index(2, TermsVersionsModel::Status)).toString() == "Superseded");
}

TEST_CASE("the accounts list names each account's staff roles", "[admin]") {
    AccountsModel model;
    StaffAccount a{"1", "reviewer@x", "Rhona", "active", {"reviewer"}};
    StaffAccount b{"2", "citizen@x", "Calum", "active", {}};
    model.setAccounts({a, b});
    CHECK(model.data(model.index(0, AccountsModel::Roles)).toString() == "Reviewer");
    CHECK(model.data(model.index(1, AccountsModel::Roles)).toString() == "No staff role");

    a.roles = {"reviewer", "senior_reviewer"};
    model.update(a);
    CHECK(model.data(model.index(0, AccountsModel::Roles)).toString() == "Reviewer, Senior reviewer");
}

TEST_CASE("the server's field errors go beside their fields, the rest above the form", "[admin]") {
    const Problem problem = validationProblem({{"redirectUris[1]", "https_required", "Must use https."},
                                               {"name", "required", "This field is required."},
                                               {"version", "read_only", "This field is set by the server."}});
    const FieldErrors errors(problem, ServiceForm::fields());
    CHECK(errors.forField("redirectUris") == "[1] Must use https.");
    CHECK(errors.forField("name") == "This field is required.");
    CHECK(errors.general() == QStringList{"version: This field is set by the server."});

    SECTION("a problem without field errors is one general message") {
        Problem conflict;
        conflict.status = 409;
        conflict.detail = "The last administrator cannot lose the admin role.";
        const FieldErrors general(conflict, ServiceForm::fields());
        CHECK(general.general() == QStringList{"The last administrator cannot lose the admin role."});
        CHECK(general.fields().isEmpty());
    }
}

TEST_CASE("an error in one language of the consent text goes beside the consent text, naming the language",
          "[admin]") {
    const Problem problem = validationProblem({{"consentText.fr", "required", "Say why the service asks."},
                                               {"consentText.x1", "unknown_language", "Use a language code."}});
    const FieldErrors errors(problem, ServiceForm::fields());
    CHECK(errors.forField("consentText") == "fr: Say why the service asks.\nx1: Use a language code.");
    CHECK(errors.general().isEmpty());
}

TEST_CASE("the service form checks what is obvious before sending", "[admin]") {
    ServiceForm form;
    CHECK(form.check().size() == 1);  // a name is needed
    CHECK(form.check().first().field == "name");

    form.name = "Library";
    form.redirectUris = "https://library.example/cb\n\n  not a url  \nhttps://library.example/cb#frag";
    const auto errors = form.check();
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].field == "redirectUris[1]");
    CHECK(errors[1].field == "redirectUris[2]");

    SECTION("http is left for the server to judge (loopback may be allowed)") {
        form.redirectUris = "http://127.0.0.1:8080/cb";
        CHECK(form.check().isEmpty());
    }
    SECTION("each optional URL must be absolute when given, and a grant type is needed") {
        form.redirectUris.clear();
        form.logoUrl = "logo.png";
        form.jwksUri = "  ";  // blank is the same as not given
        form.sectorIdentifier = "/sector.json";
        form.eventPushUrl = "https://events.example/in";
        form.grantTypes.clear();
        QStringList fields;
        for (const auto& e : form.check()) fields.append(e.field);
        CHECK(fields == QStringList{"logoUrl", "sectorIdentifier", "grantTypes"});
    }
}

TEST_CASE("a new service is sent whole, with the server's defaults for a web application", "[admin]") {
    ServiceForm form;
    form.name = "Library";
    form.redirectUris = "https://library.example/cb";
    form.consentText = {{"en", " To lend you books "}, {"fr", "   "}};
    const QJsonObject json = form.toJson();
    CHECK(json.value("clientType").toString() == "confidential");
    CHECK(json.value("tokenEndpointAuthMethod").toString() == "client_secret_basic");
    CHECK(json.value("grantTypes").toArray() == QJsonArray{"authorization_code", "refresh_token"});
    CHECK(json.value("allowedScopes").toArray() == QJsonArray{"openid"});
    CHECK(json.value("minLoa").toInt() == 0);
    CHECK(json.value("subjectType").toString() == "pairwise");
    CHECK(json.value("idTokenAlg").toString() == "ES256");
    // A language left blank is left out rather than sent empty (which the server refuses).
    CHECK(json.value("consentText").toObject() == QJsonObject{{"en", "To lend you books"}});
    // Optional URLs not given are null: nothing to store.
    CHECK(json.value("logoUrl").isNull());
    CHECK(json.value("jwksUri").isNull());
}

TEST_CASE("the authentication method follows the client type when it no longer fits", "[admin]") {
    CHECK(ServiceForm::authMethodFor("public", "client_secret_basic") == "none");
    CHECK(ServiceForm::authMethodFor("confidential", "none") == "client_secret_basic");
    // A confidential client keeps the method it was given.
    CHECK(ServiceForm::authMethodFor("confidential", "private_key_jwt") == "private_key_jwt");
}

TEST_CASE("an edited service sends only what changed", "[admin]") {
    ServiceRecord before = service("1", "Library");
    before.description = "Loans";
    ServiceForm form = ServiceForm::from(before);
    CHECK(form.toJson(&before).isEmpty());

    form.name = "  Library loans ";
    form.redirectUris += "\nhttps://c.example/cb";
    const QJsonObject json = form.toJson(&before);
    CHECK(json.value("name").toString() == "Library loans");
    CHECK(json.value("redirectUris").toArray().size() == 3);
    CHECK_FALSE(json.contains("description"));

    SECTION("choices in another order are no change; a cleared URL is sent as null") {
        before.grantTypes = {"refresh_token", "authorization_code"};
        before.allowedClaims = {"email", "name"};
        before.jwksUri = "https://library.example/jwks";
        before.consentText = {{"en", "Loans"}};
        ServiceForm edit = ServiceForm::from(before);
        edit.grantTypes = {"authorization_code", "refresh_token"};
        edit.allowedClaims = {"name", "email"};
        CHECK(edit.toJson(&before).isEmpty());

        edit.jwksUri.clear();
        edit.allowedClaims.append("birthdate");
        edit.minLoa = 2;
        edit.consentText["gd"] = "Iasadan";
        const QJsonObject changes = edit.toJson(&before);
        CHECK(changes.keys() == QStringList{"allowedClaims", "consentText", "jwksUri", "minLoa"});
        CHECK(changes.value("jwksUri").isNull());
        CHECK(changes.value("consentText").toObject() == QJsonObject{{"en", "Loans"}, {"gd", "Iasadan"}});
    }
}

TEST_CASE("a terms draft needs a title and a text – an edit sends only the text", "[admin]") {
    TermsDraftForm form;
    CHECK(form.check().size() == 2);
    form.title = "Terms";
    form.body = "# Terms";
    CHECK(form.check().isEmpty());
    CHECK(form.toJson().value("kind").toString() == "terms_of_service");

    TermsVersion draft = version("fr", 3, "draft");
    draft.title = "Conditions";
    draft.body = "Texte";
    const TermsDraftForm edit = TermsDraftForm::from(draft);
    CHECK_FALSE(edit.toJson().contains("kind"));
    CHECK_FALSE(edit.toJson().contains("language"));

    Problem stale;
    stale.status = 412;
    CHECK(TermsDraftForm::isStaleEdit(stale));
    CHECK(TermsDraftForm::staleEditMessage().contains("Reload"));
}
