#include <QApplication>
#include <QSettings>

#include "ui/MainWindow.h"
#include "ui/Translations.h"
#include "ui/WorkstationSettings.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("tessera-reviewer");
    QApplication::setOrganizationName("Tessera");
    tessera::reviewer::installTranslations(app, QLocale::system());
    QSettings settings;
    tessera::reviewer::MainWindow window(tessera::reviewer::readWorkstationSettings(settings, QApplication::arguments()));
    window.show();
    window.start();
    return QApplication::exec();
}
