// The administration pages against the real server, as an administrator uses them: what they
// see beside the fields, in the secret dialog, in the terms preview and after a refusal.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QCheckBox>
#include <QLabel>
#include <QComboBox>
#include <QScrollArea>
#include <QSpinBox>

#include "admin/AdminTestSupport.h"
#include "support/QStringPrinting.h"
#include "ui/WidgetChecks.h"
#include "ui/admin/AdminPanel.h"
#include "ui/admin/ChoiceList.h"
#include "ui/admin/RolesPage.h"
#include "ui/admin/SecretDialog.h"
#include "ui/admin/ServicesPage.h"
#include "ui/admin/TermsPage.h"

using namespace tessera::reviewer;
using namespace tessera::reviewer::test;

namespace {

// The one widget of type W under `root` that a screen reader announces as `name`.
template <class W>
W* named(QWidget* root, const QString& name) {
    W* found = nullptr;
    for (W* w : root->findChildren<W*>())
        if (w->accessibleName() == name) found = w;
    REQUIRE(found);
    return found;
}

// The questions a page asked, answered with `yes`.
struct Answers {
    bool yes = true;
    QStringList asked;
    ConfirmFn fn() {
        return [this](const QString&, const QString& question) {
            asked.append(question);
            return yes;
        };
    }
};

struct PanelAtServer : AdminAtServer {
    AdminPanel panel{client};
    Answers answers;

    PanelAtServer() {
        panel.servicesPage()->setConfirm(answers.fn());
        panel.termsPage()->setConfirm(answers.fn());
        panel.rolesPage()->setConfirm(answers.fn());
        panel.resize(kSmallScreen);
        panel.show();
        panel.refresh();
        waitFor([this] { return panel.servicesPage()->model().rowCount() > 0; });
        // The choices the form offers come from the server too.
        waitFor([this] { return named<ChoiceList>(panel.servicesPage(), "Claims")->choices().size() > 1; });
        // The roles page opens on the whole staff: its answer is in before a test acts on it.
        waitFor([this] { return panel.rolesPage()->model().rowCount() > 0; });
    }

    ServicesPage& services() { return *panel.servicesPage(); }
    TermsPage& terms() { return *panel.termsPage(); }
    RolesPage& roles() { return *panel.rolesPage(); }

    // Every text shown in a line edit of the panel and its dialogs.
    QStringList lineEditTexts() {
        QStringList texts;
        for (QLineEdit* e : panel.findChildren<QLineEdit*>()) texts.append(e->text());
        return texts;
    }
};

void typeService(ServicesPage& page, const QString& name, const QString& redirect) {
    page.startNew();
    auto edits = page.findChildren<QLineEdit*>();
    for (QLineEdit* e : edits)
        if (e->accessibleName() == "Service name") e->setText(name);
    for (QPlainTextEdit* e : page.findChildren<QPlainTextEdit*>())
        if (e->accessibleName().startsWith("Redirect URIs")) e->setPlainText(redirect);
}

}  // namespace

TEST_CASE("the administration panel loads its pages and every control has a name at 1366x768", "[admin-ui][server]") {
    PanelAtServer at;
    CHECK(at.panel.count() == 3);
    CHECK(at.services().model().rowCount() > 0);
    INFO(unnamedControls(&at.panel).join(", ").toStdString());
    CHECK(unnamedControls(&at.panel).isEmpty());
    CHECK(at.panel.minimumSizeHint().width() <= kSmallScreen.width());
    CHECK(at.panel.minimumSizeHint().height() <= kSmallScreen.height());
}

TEST_CASE("a bad redirect URI: the server's message appears beside the redirect URI field", "[admin-ui][server]") {
    PanelAtServer at;
    const int before = at.services().model().rowCount();
    typeService(at.services(), "Plain http", "http://service.example/callback");
    at.services().save();
    REQUIRE(waitFor([&] { return !at.services().errorBeside("redirectUris").isEmpty(); }));

    CHECK(at.services().errorBeside("redirectUris").contains("https"));
    CHECK(at.services().errorBeside("name").isEmpty());
    CHECK(at.services().generalMessage().isEmpty());
    CHECK(at.services().model().rowCount() == before);
}

TEST_CASE("an empty name is caught before anything is sent", "[admin-ui]") {
    ServicesPage page;
    bool sent = false;
    QObject::connect(&page, &ServicesPage::createRequested, [&] { sent = true; });
    typeService(page, "", "https://service.example/cb");
    page.save();
    CHECK_FALSE(sent);
    CHECK_FALSE(page.errorBeside("name").isEmpty());
}

TEST_CASE("a new service's secret is shown once, can be copied, and is gone when the dialog closes",
          "[admin-ui][server]") {
    PanelAtServer at;
    typeService(at.services(), "Library loans", "https://library.example/cb");
    at.services().save();
    REQUIRE(waitFor([&] { return at.services().secretDialog() != nullptr; }));

    QPointer<SecretDialog> dialog = at.services().secretDialog();
    const QString secret = dialog->shownSecret();
    CHECK(secret.size() >= 16);
    CHECK(dialog->isVisible());
    INFO(unnamedControls(dialog).join(", ").toStdString());
    CHECK(unnamedControls(dialog).isEmpty());
    CHECK(at.services().model().rowCount() == at.allServices().size());

    for (QPushButton* b : dialog->findChildren<QPushButton*>())
        if (b->accessibleName() == "Copy the secret") b->click();
    CHECK(QGuiApplication::clipboard()->text() == secret);
    QGuiApplication::clipboard()->clear();

    dialog->close();
    CHECK(dialog->shownSecret().isEmpty());  // wiped as it closes
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    CHECK(dialog.isNull());
    CHECK_FALSE(at.lineEditTexts().contains(secret));

    SECTION("rotating asks first, naming the service, then shows a different secret once") {
        at.services().rotateSelected();
        REQUIRE(at.answers.asked.size() == 1);
        CHECK(at.answers.asked.first().contains("Library loans"));
        REQUIRE(waitFor([&] { return at.services().secretDialog() != nullptr; }));
        CHECK(at.services().secretDialog()->shownSecret() != secret);
        CHECK_FALSE(at.services().secretDialog()->shownSecret().isEmpty());
    }
}

TEST_CASE("disabling a service asks with its name – No changes nothing, Yes shows it disabled", "[admin-ui][server]") {
    PanelAtServer at;
    const ServiceWithSecret created = at.createService("Old portal");
    at.panel.refresh();
    REQUIRE(waitFor([&] { return at.services().model().rowOf(created.service.id) >= 0; }));
    const int row = at.services().model().rowOf(created.service.id);
    at.services().select(row);

    at.answers.yes = false;
    at.services().disableSelected();
    REQUIRE(at.answers.asked.size() == 1);
    CHECK(at.answers.asked.first().contains("Old portal"));
    processEventsFor(300);
    CHECK(at.services().model().data(at.services().model().index(row, ServicesModel::State)).toString() == "Active");

    at.answers.yes = true;
    at.services().disableSelected();
    CHECK(waitFor([&] {
        return at.services().model().data(at.services().model().index(row, ServicesModel::State)).toString() == "Disabled";
    }));
}

TEST_CASE("a terms draft is previewed as the citizen will see it, saved and published on a date", "[admin-ui][server]") {
    PanelAtServer at;
    at.terms().startNew();
    at.terms().setTitle("Terms of service 2027");
    at.terms().setBody("# Terms of service\n\nYou agree to **these** terms.");
    CHECK(at.terms().previewText().contains("You agree to these terms."));
    CHECK_FALSE(at.terms().previewText().contains("**"));

    at.terms().save();
    REQUIRE(waitFor([&] { return !at.terms().form().id.isEmpty(); }));
    const QString id = at.terms().form().id;
    REQUIRE(waitFor([&] {
        for (int r = 0; r < at.terms().model().rowCount(); ++r)
            if (at.terms().model().versionAt(r)->id == id) return true;
        return false;
    }));

    at.terms().setEffectiveAt(QDateTime::currentDateTimeUtc().addDays(10));
    at.terms().publish();
    REQUIRE(at.answers.asked.size() == 1);
    CHECK(at.answers.asked.first().contains("Terms of service 2027"));
    const auto published = [&] {
        const auto read = awaitAdmin<TermsVersion>([&](auto done) { at.api.readTerms(id, nullptr, done); });
        return read && read->ok() && read->value().status == "scheduled";
    };
    CHECK(waitFor(published));
}

TEST_CASE("a draft someone else changed meanwhile: the page says so and offers to reload", "[admin-ui][server]") {
    PanelAtServer at;
    const TermsVersion draft = at.createDraft("en", "Privacy notice");
    emit at.terms().openRequested(draft.id);
    REQUIRE(waitFor([&] { return at.terms().form().id == draft.id; }));

    // Another administrator saves first.
    require(awaitAdmin<TermsVersion>([&](auto done) {
        at.api.editTermsDraft(draft.id, QJsonObject{{"title", "Their title"}}, draft.etag, nullptr, done);
    }));

    at.terms().setTitle("My title");
    at.terms().save();
    REQUIRE(waitFor([&] { return at.terms().reloadOffered(); }));
    CHECK(at.terms().generalMessage().contains("Someone else changed"));

    at.terms().reload();
    CHECK(waitFor([&] { return at.terms().form().title == "Their title"; }));
    CHECK_FALSE(at.terms().reloadOffered());
}

TEST_CASE("roles: a grant shows on the account – revoking the last administrator is refused plainly",
          "[admin-ui][server]") {
    PanelAtServer at;
    at.roles().setQuery("reviewer@demo.tessera.localhost");
    at.roles().search();
    const auto rowOf = [&](const QString& email) {
        for (int r = 0; r < at.roles().model().rowCount(); ++r)
            if (at.roles().model().accountAt(r)->email == email) return r;
        return -1;
    };
    // The search's own answer, not the list the page opened on: every row matches the query.
    const auto searched = [&](const QString& query) {
        if (rowOf(query) < 0) return false;
        for (int r = 0; r < at.roles().model().rowCount(); ++r)
            if (!at.roles().model().accountAt(r)->email.contains(query)) return false;
        return true;
    };
    REQUIRE(waitFor([&] { return searched("reviewer@demo.tessera.localhost"); }));
    const int reviewer = rowOf("reviewer@demo.tessera.localhost");
    at.roles().selectRow(reviewer);
    at.roles().setRole("senior_reviewer");
    at.roles().grant();
    REQUIRE(at.answers.asked.size() == 1);
    CHECK(at.answers.asked.first().contains("reviewer@demo.tessera.localhost"));
    CHECK(waitFor([&] { return at.roles().model().accountAt(reviewer)->roles.contains("senior_reviewer"); }));
    CHECK(at.roles().message().contains("Senior reviewer"));

    at.roles().setQuery("admin@demo.tessera.localhost");
    at.roles().search();
    REQUIRE(waitFor([&] { return searched("admin@demo.tessera.localhost"); }));
    const int admin = rowOf("admin@demo.tessera.localhost");
    at.roles().selectRow(admin);
    at.roles().setRole("admin");
    at.roles().revoke();
    REQUIRE(waitFor([&] { return !at.roles().message().isEmpty(); }));
    INFO(at.roles().message().toStdString());
    CHECK_FALSE(at.roles().message().contains("now has"));
    CHECK(at.roles().model().accountAt(admin)->roles.contains("admin"));
}

TEST_CASE("every setting is changed through the form: a claim ticked, the level raised, a consent text in French",
          "[admin-ui][server]") {
    PanelAtServer at;
    const ServiceWithSecret created = at.createService("Bus passes");
    at.services().setServices(at.allServices());
    at.services().select(at.services().model().rowOf(created.service.id));

    named<QCheckBox>(&at.services(), "Claims: birthdate")->setChecked(true);
    named<QCheckBox>(&at.services(), "Scopes: profile")->setChecked(true);
    named<QSpinBox>(&at.services(), "Lowest level of assurance")->setValue(2);
    named<QLineEdit>(&at.services(), "Why the service asks, in fr")->setText("Pour vérifier votre âge");
    at.services().save();

    ServiceRecord stored;
    REQUIRE(waitFor([&] {
        for (const auto& s : at.allServices())
            if (s.id == created.service.id) stored = s;
        return stored.minLoa == 2;
    }));
    CHECK(stored.allowedClaims.contains("birthdate"));
    CHECK(stored.allowedScopes == QStringList{"openid", "profile"});
    CHECK(stored.consentText.value("fr") == "Pour vérifier votre âge");
    CHECK(stored.name == "Bus passes");  // untouched fields stay as they were
    CHECK(at.services().errorBeside("allowedClaims").isEmpty());
}

TEST_CASE("choosing a public client sets its authentication to none – a refusal far down the form is shown in sight",
          "[admin-ui][server]") {
    PanelAtServer at;
    typeService(at.services(), "Key-signed service", "https://keys.example/cb");
    auto* type = named<QComboBox>(&at.services(), "Client type");
    auto* method = named<QComboBox>(&at.services(), "Token endpoint authentication");
    type->setCurrentText("public");
    CHECK(method->currentText() == "none");
    type->setCurrentText("confidential");
    CHECK(method->currentText() == "client_secret_basic");

    // private_key_jwt needs the service's key set: the server says so beside that field.
    method->setCurrentText("private_key_jwt");
    const int before = at.services().model().rowCount();
    at.services().save();
    REQUIRE(waitFor([&] { return !at.services().errorBeside("jwksUri").isEmpty(); }));
    CHECK(at.services().model().rowCount() == before);
    // The message is scrolled into the visible part of the settings.
    auto* scroll = named<QScrollArea>(&at.services(), "Service settings");
    QLabel* error = named<QLabel>(&at.services(), "Problem with Public keys (JWKS)");
    const QPoint inViewport = error->mapTo(scroll->viewport(), QPoint(0, 0));
    CHECK(scroll->viewport()->rect().contains(inViewport));
}

TEST_CASE("the services table holds every service, beyond one page of the list", "[admin-ui][server]") {
    AdminAtServer seed;
    for (int i = 0; i < 101; ++i) seed.createService(QStringLiteral("Service %1").arg(i, 3, 10, QLatin1Char('0')));
    const auto all = seed.allServices();
    REQUIRE(all.size() > 101);

    AdminPanel panel{seed.client};
    panel.refresh();
    REQUIRE(waitFor([&] { return panel.servicesPage()->model().rowCount() == all.size(); }));
}

TEST_CASE("the roles page opens on the whole staff, and no citizen", "[admin-ui][server]") {
    PanelAtServer at;
    QStringList emails;
    REQUIRE(waitFor([&] {
        emails.clear();
        for (int r = 0; r < at.roles().model().rowCount(); ++r) emails.append(at.roles().model().accountAt(r)->email);
        return emails.contains("admin@demo.tessera.localhost");
    }));
    CHECK(emails.contains("reviewer@demo.tessera.localhost"));
    CHECK_FALSE(emails.contains("citizen@demo.tessera.localhost"));
    for (int r = 0; r < at.roles().model().rowCount(); ++r) CHECK_FALSE(at.roles().model().accountAt(r)->roles.isEmpty());
}
