// The selfie-video recorder of /account/verify/video (pages/verify-video.mustache). Where the
// browser can record (getUserMedia and MediaRecorder), it shows a live preview, records up to
// the configured number of seconds with a countdown, plays the recording back, and "Use this
// video" sends it to the REST API (PUT, with the session cookie and the page's CSRF token). Any
// failure says what happened in words and leaves the upload form below, which works without
// JavaScript, as the way on. Loaded as a module from the page: the page CSP allows no inline
// script, and lets this page alone fetch ('self') and play what it recorded (blob:).

const recorder = document.getElementById('recorder')
if (recorder) setUp(recorder)

function setUp (section) {
  if (!navigator.mediaDevices?.getUserMedia || typeof window.MediaRecorder === 'undefined') return

  const data = section.dataset
  const maxSeconds = Number(data.maxSeconds) || 30
  const minSeconds = Number(data.minSeconds) || 2
  const form = document.getElementById('video-upload')
  const csrf = form?.querySelector('input[name="csrf"]')?.value ?? ''
  const byId = (id) => document.getElementById(id)
  const preview = byId('recorder-preview')
  const countdown = byId('recorder-countdown')
  const status = byId('recorder-status')
  const error = byId('recorder-error')
  const buttons = {
    camera: byId('recorder-camera'),
    record: byId('recorder-record'),
    stop: byId('recorder-stop'),
    use: byId('recorder-use'),
    again: byId('recorder-again')
  }

  let stream = null
  let recording = null // {recorder, chunks, startedAt, timer, ticker}
  let video = null // {blob, type, url}

  section.hidden = false

  // Which buttons show: one step at a time.
  function show (...names) {
    for (const [name, button] of Object.entries(buttons)) button.hidden = !names.includes(name)
  }
  function say (text) {
    status.textContent = text
  }
  function fail (text) {
    error.textContent = text
    error.hidden = !text
  }
  function fill (text, values) {
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole))
  }
  function forgetVideo () {
    if (video) URL.revokeObjectURL(video.url)
    video = null
    preview.removeAttribute('src')
    preview.controls = false
  }
  function stopCamera () {
    if (stream) for (const track of stream.getTracks()) track.stop()
    stream = null
  }

  async function openCamera () {
    fail('')
    say(data.textStarting)
    buttons.camera.disabled = true
    try {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' }, audio: true })
      } catch (e) {
        // No microphone (or not allowed): a video without sound still shows the face.
        if (e.name === 'NotAllowedError' || e.name === 'SecurityError') throw e
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' }, audio: false })
      }
    } catch (e) {
      buttons.camera.disabled = false
      say('')
      fail(e.name === 'NotAllowedError' || e.name === 'SecurityError' ? data.textDenied : data.textNoCamera)
      return
    }
    buttons.camera.disabled = false
    showLive()
  }

  function showLive () {
    forgetVideo()
    preview.muted = true
    preview.srcObject = stream
    preview.play().catch(() => {})
    show('record')
    say(data.textReady)
    buttons.record.focus()
  }

  function chooseType () {
    const candidates = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm;codecs=vp8', 'video/webm', 'video/mp4']
    return candidates.find((t) => window.MediaRecorder.isTypeSupported(t)) ?? ''
  }

  function startRecording () {
    fail('')
    const type = chooseType()
    let mediaRecorder
    try {
      mediaRecorder = new window.MediaRecorder(stream, type ? { mimeType: type } : undefined)
    } catch {
      fail(data.textUnsupported)
      return
    }
    recording = { recorder: mediaRecorder, chunks: [], startedAt: performance.now() }
    mediaRecorder.addEventListener('dataavailable', (e) => {
      if (e.data && e.data.size > 0) recording.chunks.push(e.data)
    })
    mediaRecorder.addEventListener('stop', finishRecording)
    mediaRecorder.start()
    show('stop')
    buttons.stop.focus()
    say(fill(data.textRecording, { seconds: maxSeconds }))
    countdown.hidden = false
    countdown.textContent = String(maxSeconds)
    recording.ticker = setInterval(() => {
      const left = Math.max(0, Math.ceil(maxSeconds - (performance.now() - recording.startedAt) / 1000))
      countdown.textContent = String(left)
    }, 250)
    // Stop a little before the limit: the file's last frame must fall within it.
    recording.timer = setTimeout(stopRecording, maxSeconds * 1000 - 400)
  }

  function stopRecording () {
    if (recording && recording.recorder.state !== 'inactive') recording.recorder.stop()
  }

  function finishRecording () {
    const done = recording
    recording = null
    clearTimeout(done.timer)
    clearInterval(done.ticker)
    countdown.hidden = true
    const seconds = (performance.now() - done.startedAt) / 1000
    if (seconds < minSeconds) {
      fail(fill(data.textTooShort, { seconds: minSeconds }))
      showLive()
      return
    }
    const type = (done.recorder.mimeType || 'video/webm').split(';')[0]
    const blob = new Blob(done.chunks, { type })
    video = { blob, type, url: URL.createObjectURL(blob) }
    preview.srcObject = null
    preview.src = video.url
    preview.muted = false
    preview.controls = true
    show('use', 'again')
    say(data.textRecorded)
    buttons.use.focus()
  }

  async function useVideo () {
    if (!video) return
    fail('')
    say(data.textUploading)
    buttons.use.disabled = true
    buttons.again.disabled = true
    let response
    try {
      response = await fetch(data.uploadUrl, {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'Content-Type': video.type, 'X-CSRF-Token': csrf },
        body: video.blob
      })
    } catch {
      response = null
    }
    buttons.use.disabled = false
    buttons.again.disabled = false
    if (response && response.ok) {
      stopCamera()
      say('')
      window.location.assign(data.doneUrl)
      return
    }
    say('')
    if (!response) {
      fail(data.textFailed)
      return
    }
    // The server says why in a problem document (application/problem+json).
    let detail = ''
    try {
      const problem = await response.json()
      detail = problem.detail || problem.title || ''
    } catch {}
    fail(detail ? fill(data.textRefused, { detail }) : data.textFailed)
  }

  buttons.camera.addEventListener('click', openCamera)
  buttons.record.addEventListener('click', startRecording)
  buttons.stop.addEventListener('click', stopRecording)
  buttons.use.addEventListener('click', useVideo)
  buttons.again.addEventListener('click', () => {
    fail('')
    if (stream) showLive()
    else openCamera()
  })
  window.addEventListener('pagehide', stopCamera)
}
