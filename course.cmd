@echo off
rem course: the course's command line on Windows (cmd or PowerShell: .\course check notebooks).
rem Publishes the CLI (Release, ReadyToRun) and builds the course library the first time and after a change under
rem grader\ or lib\, then runs the published program (see ./course for why).
setlocal
set "ROOT=%~dp0"
set "OUT=%ROOT%artifacts\course"
set "DLL=%OUT%\course.dll"
set "STAMP=%ROOT%artifacts\course-cli.stamp"
powershell -NoProfile -ExecutionPolicy Bypass -Command ^
  "$r='%ROOT%'; $s='%STAMP%'; if (!(Test-Path '%DLL%') -or !(Test-Path $s) -or !(Test-Path ($r+'artifacts\course-lib\CollectiveSecurity.dll'))) { exit 1 };" ^
  "$t=(Get-Item $s).LastWriteTimeUtc; $n=Get-ChildItem -Recurse -File ($r+'grader'),($r+'lib') | Where-Object { $_.FullName -notmatch '\\(bin|obj)\\' -and $_.LastWriteTimeUtc -gt $t } | Select-Object -First 1; if ($n) { exit 1 } else { exit 0 }"
if errorlevel 1 (
  echo course: building the course CLI and library ^(the first time takes one to two minutes; later, only after a change^)... 1>&2
  dotnet publish "%ROOT%grader\Course.Cli" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o "%OUT%" -nologo -v quiet -clp:ErrorsOnly 1>&2 || (echo course: the build failed ^(errors above^) 1>&2 & exit /b 1)
  if not exist "%ROOT%artifacts" mkdir "%ROOT%artifacts"
  type nul > "%STAMP%"
)
dotnet "%DLL%" %*
