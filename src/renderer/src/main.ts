import './zod-config'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import './styles.css'
import './reflow.css'

createApp(App).use(createPinia()).mount('#app')
