#!/bin/sh
# The browser tests need headless Chromium and its WebDriver (Debian's packages `chromium` and
# `chromium-driver`; no browser download at run time): the report's test runs chromium, the
# dashboard's test drives it through chromedriver with Selenium.
set -e
PACKAGES="chromium chromium-driver"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's $PACKAGES for the browser tests"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PACKAGES >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq >/dev/null
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PACKAGES >/dev/null
else
    echo "the browser tests need Chromium and chromium-driver: install them (e.g. 'apt-get install $PACKAGES') and run make test again" >&2
    exit 1
fi
