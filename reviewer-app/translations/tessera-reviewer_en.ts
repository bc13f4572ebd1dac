<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ReviewLabels</name>
    <message numerus="yes">
        <source>The document expired %n day(s) ago.</source>
        <translation>
            <numerusform>The document expired %n day ago.</numerusform>
            <numerusform>The document expired %n days ago.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::CaseView</name>
    <message numerus="yes">
        <source>%n mismatch(es): check the highlighted rows.</source>
        <translation>
            <numerusform>%n mismatch: check the highlighted row.</numerusform>
            <numerusform>%n mismatches: check the highlighted rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expired on %1 (%n day(s) ago).</source>
        <translation>
            <numerusform>Expired on %1 (%n day ago).</numerusform>
            <numerusform>Expired on %1 (%n days ago).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Valid until %1 (%n day(s) left).</source>
        <translation>
            <numerusform>Valid until %1 (%n day left).</numerusform>
            <numerusform>Valid until %1 (%n days left).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::MainWindow</name>
    <message numerus="yes">
        <source>%n decision(s) waiting to be delivered</source>
        <translation>
            <numerusform>%n decision waiting to be delivered</numerusform>
            <numerusform>%n decisions waiting to be delivered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::QueueView</name>
    <message numerus="yes">
        <source>%n case(s) shown</source>
        <translation>
            <numerusform>%n case shown</numerusform>
            <numerusform>%n cases shown</numerusform>
        </translation>
    </message>
</context>
</TS>
