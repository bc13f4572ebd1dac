#pragma once
// The workstation's own translations (en, fr; translations/*.ts built into :/i18n/) and Qt's
// for its standard dialogs, installed for the reviewer's language.
#include <QLocale>

class QCoreApplication;

namespace tessera::reviewer {

// Installs the translators for `locale` on `app`; English (the source language) when the locale
// has no translation. Returns the language installed ("en" or "fr").
QString installTranslations(QCoreApplication& app, const QLocale& locale);

}  // namespace tessera::reviewer
