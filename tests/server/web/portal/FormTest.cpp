// Reading urlencoded forms, and showing a failed form again: values kept (never passwords),
// an error summary linking to each field, the message beside the field, core errors mapped
// to translated messages; all HTML-escaped.
#include <catch2/catch.hpp>

#include "web/portal/Form.h"
#include "web/portal/FormView.h"
#include "web/portal/Messages.h"
#include "web/portal/Templates.h"

using namespace tessera;
using namespace tessera::web::portal;

namespace {

Messages testMessages() {
    auto m = Messages::fromJson({
        {"en", R"({"f": {"email": "Email", "password": "Password"},
                   "errors": {"generic": "Check this", "form_expired": "Your form expired. Try again.",
                              "invalid_credentials": "Wrong email or password",
                              "email": {"required": "Enter your email", "taken": "{email} is taken"}}})"},
        {"fr", R"({"f": {"email": "Courriel", "password": "Mot de passe"},
                   "errors": {"generic": "Vérifiez", "form_expired": "Votre formulaire a expiré. Réessayez.",
                              "invalid_credentials": "Courriel ou mot de passe incorrect",
                              "email": {"required": "Saisissez votre courriel", "taken": "{email} est pris"}}})"},
    });
    REQUIRE(m.ok());
    return std::move(*m);
}

std::vector<FieldSpec> fields() {
    FieldSpec email;
    email.name = "email";
    email.labelKey = "f.email";
    email.type = "email";
    FieldSpec password;
    password.name = "password";
    password.labelKey = "f.password";
    password.type = "password";
    return {email, password};
}

const PageData& member(const PageData& d, const std::string& path) {
    const PageData* node = &d;
    std::size_t start = 0;
    while (true) {
        const auto dot = path.find('.', start);
        node = node->find(path.substr(start, dot - start));
        REQUIRE(node != nullptr);
        if (dot == std::string::npos) return *node;
        start = dot + 1;
    }
}

}  // namespace

TEST_CASE("Urlencoded forms: escapes, plus signs, repeated and odd fields", "[portal][form]") {
    auto form = FormFields::parse("email=ada%40example.org&name=Ada+Lovelace&terms=a&terms=b&empty=&flag&=x&bad=%zz%4");
    CHECK(form.value("email") == "ada@example.org");
    CHECK(form.value("name") == "Ada Lovelace");
    CHECK(form.values("terms") == std::vector<std::string>{"a", "b"});
    CHECK(form.value("terms") == "a");
    CHECK(form.has("empty"));
    CHECK(form.value("empty").empty());
    CHECK(form.has("flag"));
    CHECK_FALSE(form.has("missing"));
    CHECK(form.value("missing").empty());
    CHECK(form.value("bad") == "%zz%4");  // malformed escapes are kept as typed
    CHECK(form.all().size() == 7);        // the nameless "=x" is dropped
    CHECK(FormFields::parse("caf%C3%A9=th%C3%A9").value("café") == "thé");

    std::string many;
    for (int i = 0; i < 1000; ++i) many += "f" + std::to_string(i) + "=1&";
    CHECK(FormFields::parse(many).all().size() == FormFields::kMaxFields);
}

TEST_CASE("formEncode and formDecode round-trip anything", "[portal][form]") {
    const std::string text = "/account?x=1&y=a b+c/é\n\"<>";
    CHECK(formDecode(formEncode(text)) == text);
    CHECK(formEncode("/a b?c=d") == "/a%20b%3Fc%3Dd");
}

TEST_CASE("A failed form keeps values but never the password, and links each error to its field",
          "[portal][form]") {
    const Messages messages = testMessages();
    FormView form(Translator(messages, "fr"), fields());
    form.keep(FormFields::parse("email=ada%40example.org&password=secret"));
    form.fieldError("email", "errors.email.taken", {{"email", "ada@example.org"}});
    form.fieldError("email", "errors.email.required");  // one message per field: the first stays
    const PageData data = form.data();

    CHECK(member(data, "hasErrors").flagValue());
    const auto& errors = member(data, "errors").items();
    REQUIRE(errors.size() == 1);
    CHECK(member(errors[0], "href").textValue() == "#email");
    CHECK(member(errors[0], "text").textValue() == "ada@example.org est pris");

    CHECK(member(data, "field.email.value").textValue() == "ada@example.org");
    CHECK(member(data, "field.email.label").textValue() == "Courriel");
    CHECK(member(data, "field.email.hasError").flagValue());
    CHECK(member(data, "field.email.describedBy").textValue() == "email-error");
    CHECK(member(data, "field.password.value").textValue().empty());
    CHECK_FALSE(member(data, "field.password.hasError").flagValue());
    CHECK(member(data, "fields").items().size() == 2);
}

TEST_CASE("An expired form says so on its first field", "[portal][form]") {
    const Messages messages = testMessages();
    FormView form(Translator(messages, "fr"), fields());
    CHECK_FALSE(form.hasErrors());
    form.expired();
    const PageData data = form.data();
    const auto& errors = member(data, "errors").items();
    REQUIRE(errors.size() == 1);
    CHECK(member(errors[0], "text").textValue() == "Votre formulaire a expiré. Réessayez.");
    CHECK(member(errors[0], "href").textValue() == "#email");

    FormView noFields(Translator(messages, "en"), {});
    noFields.expired();
    CHECK(member(member(noFields.data(), "errors").items()[0], "href").textValue().empty());
}

TEST_CASE("Core errors become translated messages by field and code", "[portal][form]") {
    const Messages messages = testMessages();
    FormView form(Translator(messages, "fr"), fields());
    Error e = Error::invalid("validation_failed", "Some fields need to be corrected.",
                             {{"email", "required", "Enter an email address."},
                              {"password", "too_common", "Choose a less common password."},
                              {"nickname", "too_long", "Shorter."}});
    form.coreError(e, "email");
    const PageData data = form.data();
    const auto& errors = member(data, "errors").items();
    REQUIRE(errors.size() == 2);  // the unknown field's error falls on email, which already has one
    CHECK(member(errors[0], "text").textValue() == "Saisissez votre courriel");  // errors.email.required
    CHECK(member(errors[1], "text").textValue() == "Vérifiez");                  // no key: errors.generic
    CHECK(member(errors[1], "href").textValue() == "#password");

    FormView credentials(Translator(messages, "en"), fields());
    credentials.coreError(Error::unauthorized("invalid_credentials", "The email address or password is not right."),
                          "email");
    CHECK(member(credentials.data(), "field.email.error").textValue() == "Wrong email or password");
}

TEST_CASE("Templates escape values, reach partials and treat empty text as false", "[portal][templates]") {
    auto templates = Templates::fromSources({
        {"page", "<p title=\"{{name}}\">{{name}}</p>{{#hint}}<i>{{hint}}</i>{{/hint}}{{> partials/x}}"},
        {"partials/x", "[{{#items}}{{.}};{{/items}}{{t.a.b}}]"},
    });
    REQUIRE(templates.ok());
    PageData data;
    data.set("name", "<script>alert(\"x\")</script>&'").set("hint", "");
    data.append("items", PageData::text("1")).append("items", PageData::text("<2>"));
    PageData t, a;
    a.set("b", "deep");
    t.set("a", a);
    data.set("t", t);
    auto html = templates->render("page", data);
    REQUIRE(html.ok());
    CHECK(*html ==
          "<p title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&apos;\">"
          "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&apos;</p>[1;&lt;2&gt;;deep]");

    CHECK_FALSE(templates->render("missing", data).ok());
    CHECK_FALSE(Templates::fromSources({{"broken", "{{#open}} never closed"}}).ok());
}
