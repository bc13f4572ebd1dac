#pragma once
// Shows a service's new client secret the one time it exists on this side: with a copy button
// and a warning that it cannot be shown again. The text is wiped when the dialog closes and the
// dialog deletes itself; nothing keeps the secret afterwards.
#include <QDialog>

class QLineEdit;

namespace tessera::reviewer {

class SecretDialog : public QDialog {
    Q_OBJECT

public:
    SecretDialog(const QString& serviceName, const QString& secret, QWidget* parent = nullptr);
    ~SecretDialog() override;

    QString shownSecret() const;

signals:
    void copied();

private:
    void wipe();

    QLineEdit* secret_;
};

}  // namespace tessera::reviewer
