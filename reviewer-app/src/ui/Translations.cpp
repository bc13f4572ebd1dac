#include "ui/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace tessera::reviewer {

QString installTranslations(QCoreApplication& app, const QLocale& locale) {
    // The translators live as long as the application: parented to it.
    auto* own = new QTranslator(&app);
    // Matches "tessera-reviewer_fr.qm" for fr, fr_FR, fr_CA...; the English file carries the plural forms.
    if (!own->load(locale, QStringLiteral("tessera-reviewer"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        const bool english = own->load(QStringLiteral("tessera-reviewer_en"), QStringLiteral(":/i18n"));
        if (english) QCoreApplication::installTranslator(own);
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(own);
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return locale.language() == QLocale::French ? QStringLiteral("fr") : QStringLiteral("en");
}

}  // namespace tessera::reviewer
