#include "TestPictures.h"

#include <QBuffer>
#include <QPainter>
#include <QPainterPath>

#include <cstdlib>

namespace tessera::reviewer::test {

QImage quarteredPhoto(int width, int height) {
    QImage image(width, height, QImage::Format_RGB32);
    QPainter p(&image);
    p.fillRect(0, 0, width / 2, height / 2, kTopLeft);
    p.fillRect(width / 2, 0, width - width / 2, height / 2, kTopRight);
    p.fillRect(0, height / 2, width / 2, height - height / 2, kBottomLeft);
    p.fillRect(width / 2, height / 2, width - width / 2, height - height / 2, kBottomRight);
    return image;
}

QByteArray pngBytes(const QImage& image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray jpegBytes(const QImage& image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 90);
    return bytes;
}

namespace {

void card(QPainter& p, const QRect& r, const QColor& tint) {
    QLinearGradient g(r.topLeft(), r.bottomRight());
    g.setColorAt(0, tint.lighter(160));
    g.setColorAt(1, tint.lighter(115));
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(g);
    p.setPen(QPen(tint.darker(150), 3));
    p.drawRoundedRect(r.adjusted(4, 4, -4, -4), 24, 24);
}

}  // namespace

QImage specimenDocumentFront() {
    QImage image(800, 504, QImage::Format_RGB32);
    image.fill(QColor(60, 60, 60));
    QPainter p(&image);
    card(p, image.rect(), QColor(236, 150, 180));
    QFont title = p.font();
    title.setPixelSize(34);
    title.setBold(true);
    p.setFont(title);
    p.setPen(QColor(40, 40, 90));
    p.drawText(QRect(40, 24, 720, 44), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("DRIVING LICENCE   SPECIMEN"));
    // The portrait: a face drawn in simple shapes.
    const QRect portrait(50, 100, 220, 280);
    p.fillRect(portrait, QColor(200, 220, 240));
    p.setBrush(QColor(240, 200, 170));
    p.setPen(Qt::NoPen);
    p.drawEllipse(portrait.center() + QPoint(0, -30), 62, 78);
    p.setBrush(QColor(90, 60, 40));
    p.drawChord(QRect(portrait.center().x() - 68, portrait.center().y() - 118, 136, 110), 0, 180 * 16);
    p.setBrush(QColor(60, 90, 160));
    p.drawChord(QRect(portrait.x() + 10, portrait.bottom() - 70, portrait.width() - 20, 150), 0, 180 * 16);
    p.setBrush(Qt::black);
    p.drawEllipse(portrait.center() + QPoint(-22, -40), 6, 6);
    p.drawEllipse(portrait.center() + QPoint(22, -40), 6, 6);
    QFont text = p.font();
    text.setPixelSize(24);
    text.setBold(false);
    p.setFont(text);
    p.setPen(QColor(30, 30, 30));
    const char* lines[] = {"1. MACLEOD", "2. EILIDH MAIRI", "3. 23.11.1990  UNITED KINGDOM", "4b. 22.11.2033",
                           "5. MCLEO961230EM9EF", "8. 7 BAYHEAD, STORNOWAY, HS1 2DU"};
    int y = 120;
    for (const char* line : lines) {
        p.drawText(QPoint(300, y), QString::fromLatin1(line));
        y += 44;
    }
    return image;
}

QImage specimenDocumentBack() {
    QImage image(800, 504, QImage::Format_RGB32);
    image.fill(QColor(60, 60, 60));
    QPainter p(&image);
    card(p, image.rect(), QColor(150, 200, 236));
    QFont text = p.font();
    text.setPixelSize(22);
    p.setFont(text);
    p.setPen(QColor(30, 30, 30));
    p.drawText(QRect(40, 30, 720, 40), Qt::AlignLeft, QStringLiteral("9. CATEGORIES   10. FROM   11. TO"));
    int y = 100;
    for (const char* category : {"AM", "A", "B1", "B", "BE", "C1"}) {
        p.drawText(QPoint(60, y), QString::fromLatin1(category));
        p.drawText(QPoint(200, y), QStringLiteral("23.11.2008"));
        p.drawText(QPoint(380, y), QStringLiteral("22.11.2033"));
        y += 48;
    }
    p.setFont(QFont(QStringLiteral("monospace"), 18));
    p.drawText(QPoint(60, 470), QStringLiteral("DLGBRMCLEO961230EM9EF<<<<<<<<<<<"));
    return image;
}

bool near(QColor actual, QColor expected, int tolerance) {
    return std::abs(actual.red() - expected.red()) <= tolerance &&
           std::abs(actual.green() - expected.green()) <= tolerance &&
           std::abs(actual.blue() - expected.blue()) <= tolerance;
}

}  // namespace tessera::reviewer::test
