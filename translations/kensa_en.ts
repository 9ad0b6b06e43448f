<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>kensa::ui::ImageBrowser</name>
    <message numerus="yes">
        <location filename="../ui/browser/image_browser.cpp" line="109"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/browser/image_browser.cpp" line="110"/>
        <source>%1 of %n image(s)</source>
        <translation>
            <numerusform>%1 of %n image</numerusform>
            <numerusform>%1 of %n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::ProjectActions</name>
    <message numerus="yes">
        <location filename="../ui/main/project_actions.cpp" line="195"/>
        <source>Added %n image(s) from %1.</source>
        <translation>
            <numerusform>Added %n image from %1.</numerusform>
            <numerusform>Added %n images from %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::SyntheticPanel</name>
    <message numerus="yes">
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="365"/>
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n sample</numerusform>
            <numerusform>%n samples</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::TrainingPanel</name>
    <message numerus="yes">
        <location filename="../ui/training/training_panel.cpp" line="218"/>
        <source>%n normal training image(s)</source>
        <translation>
            <numerusform>%n normal training image</numerusform>
            <numerusform>%n normal training images</numerusform>
        </translation>
    </message>
</context>
</TS>
