// The workstation speaks the reviewer's language: French for a French locale, English otherwise,
// from the .ts files built into the program.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QTranslator>

#include "support/QStringPrinting.h"
#include "ui/DecisionDialog.h"
#include "ui/QueueView.h"
#include "ui/Translations.h"

using namespace tessera::reviewer;

namespace {

// Takes the translators installTranslations added off the application again, so the other
// tests see English.
struct InstalledTranslations {
    QString language;
    explicit InstalledTranslations(const QLocale& locale) : language(installTranslations(*qApp, locale)) {}
    ~InstalledTranslations() {
        for (auto* t : qApp->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly)) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
};

}  // namespace

TEST_CASE("A reviewer with a French locale gets the queue in French") {
    InstalledTranslations fr(QLocale(QLocale::French, QLocale::France));
    CHECK(fr.language == "fr");
    QueueView view;
    CHECK(view.accessibleName() != "Review queue");
    CHECK_FALSE(view.accessibleName().isEmpty());
    CHECK(QCoreApplication::translate("tessera::reviewer::QueueView", "Review queue") == view.accessibleName());
}

TEST_CASE("A Canadian French locale uses the same French translation") {
    InstalledTranslations fr(QLocale(QLocale::French, QLocale::Canada));
    CHECK(fr.language == "fr");
    CHECK(QueueView().accessibleName() != "Review queue");
}

TEST_CASE("A locale with no translation falls back to English") {
    InstalledTranslations de(QLocale(QLocale::German, QLocale::Germany));
    CHECK(de.language == "en");
    CHECK(QueueView().accessibleName() == "Review queue");
}

TEST_CASE("English plural forms come from the English file") {
    InstalledTranslations en(QLocale(QLocale::English, QLocale::UnitedKingdom));
    CHECK(en.language == "en");
    const QString one = QCoreApplication::translate("tessera::reviewer::QueueView", "%n case(s) shown", nullptr, 1);
    INFO(one.toStdString());
    CHECK_FALSE(one.contains("(s)"));
}
